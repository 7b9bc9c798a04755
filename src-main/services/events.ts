import { RESYNC_EVENT, type EventName, type EventPayload, type LoketEvent } from '../contract';

type Listener = (event: LoketEvent) => void;

/**
 * Typed in-process event bus with a short memory, so an SSE client that reconnects with
 * `Last-Event-ID` receives what it missed instead of polling.
 */
export class EventBus {
  private seq = 0;
  private readonly recent: LoketEvent[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(
    readonly bootId: string,
    private readonly capacity = 2000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  emit<E extends EventName>(name: E, payload: EventPayload<E>): LoketEvent<E> {
    const event: LoketEvent<E> = { id: `${this.bootId}-${++this.seq}`, name, at: this.now().toISOString(), payload };
    this.recent.push(event);
    if (this.recent.length > this.capacity) this.recent.shift();
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken subscriber must not stop the others.
      }
    }
    return event;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Events after `lastId`, or `null` when they cannot be replayed (another boot, or older than
   * the memory): the client must then reload its state.
   */
  since(lastId: string): LoketEvent[] | null {
    const dash = lastId.lastIndexOf('-');
    const boot = lastId.slice(0, dash);
    const seq = Number(lastId.slice(dash + 1));
    if (boot !== this.bootId || !Number.isInteger(seq) || seq > this.seq) return null;
    const oldest = this.recent[0] ? Number(this.recent[0].id.slice(this.recent[0].id.lastIndexOf('-') + 1)) : this.seq + 1;
    if (seq < oldest - 1) return null;
    return this.recent.filter((e) => Number(e.id.slice(e.id.lastIndexOf('-') + 1)) > seq);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

export { RESYNC_EVENT };
