/**
 * Lockout after repeated failed logins: five wrong passwords for one user name within fifteen
 * minutes lock that name for fifteen minutes from the last failure. A success or an
 * administrator's unlock starts the count again.
 */
export const LOCKOUT = { failures: 5, windowMinutes: 15, lockMinutes: 15 } as const;

/**
 * When the name is free again (null: not locked). `failures` are the failed attempts since the
 * last success or unlock, as ISO instants, in any order.
 */
export function lockedUntil(failures: readonly string[], now: Date, policy: typeof LOCKOUT = LOCKOUT): Date | null {
  const recent = failures.map((f) => Date.parse(f)).filter((t) => t > now.getTime() - policy.windowMinutes * 60_000);
  if (recent.length < policy.failures) return null;
  const until = new Date(Math.max(...recent) + policy.lockMinutes * 60_000);
  return until > now ? until : null;
}
