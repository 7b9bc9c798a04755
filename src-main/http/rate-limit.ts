import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Request budgets per device (a paired device's id, else the remote address) for the calls anyone on the LAN can make:
 * guessing passwords, pressing the kiosk's button without end, trying verification codes.
 * A sliding window of the last minute, in memory (a restart forgets it, which is harmless).
 */
export interface Budget {
  name: string;
  perMinute: number;
}

export const budgets = {
  // A clerk mistyping a few times is fine; a script trying passwords is not.
  login: { name: 'login', perMinute: 10 },
  // A kiosk at the morning rush issues a ticket every few seconds at most.
  ticket: { name: 'ticket', perMinute: 60 },
  verify: { name: 'verify', perMinute: 30 },
  // Pairing codes: 10 tries a minute per address (and a code burns after 5 wrong tries overall).
  pair: { name: 'pair', perMinute: 10 },
} as const satisfies Record<string, Budget>;

/** Which budget a method spends from; null: not limited here. */
export function budgetOf(method: string): Budget | null {
  if (method === 'auth.login' || method === 'auth.setupAdmin') return budgets.login;
  if (method === 'queue.issueTicket') return budgets.ticket;
  if (method === 'letters.verify') return budgets.verify;
  return null;
}

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly now: () => number = Date.now,
    private readonly limitLoopback = false,
  ) {}

  /** Counts one request; false when the device has spent its budget for the last minute. */
  take(budget: Budget, device: string): boolean {
    if (!this.limitLoopback && isLoopback(device)) return true;
    const key = `${budget.name}|${device}`;
    const since = this.now() - 60_000;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= budget.perMinute) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(this.now());
    this.hits.set(key, recent);
    // Forget devices that went quiet, so the map does not grow with every address ever seen.
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.every((t) => t <= since)) this.hits.delete(k);
    return true;
  }
}

export const isLoopback = (address: string): boolean => address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/** The requesting device: its address as the socket sees it (no proxy sits in front of Loket). */
export function deviceOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
