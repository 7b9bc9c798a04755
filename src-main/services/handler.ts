import type { MethodName, OutputOf, ParsedInputOf } from '../contract';
import type { Call } from './context';

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, call: Call) => Promise<OutputOf<M>>;

/** A domain's handler map, declared next to its service code (Actual Budget's pattern). */
export type Handlers<N extends MethodName> = { [M in N]: Handler<M> };

/** Handlers behind a session or permission guard always see an actor; this narrows it. */
export function actorOf(call: Call): NonNullable<Call['actor']> {
  if (!call.actor) throw new Error('guard bypassed: handler reached without an actor');
  return call.actor;
}
