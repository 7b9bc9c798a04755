import type { Host } from '../src-main/app/host';
import type { Reply } from '../src-main/contract';
import type { Credentials } from '../src-main/services/dispatcher';

/** Benches call the dispatcher in-process as an HTTP client would. */
export const as = (token: string | null): Credentials => ({ token, client: 'http' });

export function unwrap<T>(reply: Reply<unknown>, what: string): T {
  if (!reply.ok) throw new Error(`${what}: ${reply.error.message}`);
  return reply.value as T;
}

/** The bench database's administrator: created on a fresh database, logged in on a kept one. */
export async function adminSession(host: Host, password: string): Promise<string> {
  const setup = await host.dispatcher.invoke('auth.setupAdmin', { username: 'admin', fullName: 'Admin', password }, as(null));
  if (setup.ok) return (setup.value as { token: string }).token;
  return unwrap<{ token: string }>(await host.dispatcher.invoke('auth.login', { username: 'admin', password }, as(null)), 'login').token;
}
