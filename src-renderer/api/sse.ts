/** One Server-Sent Event as the stream delivered it. */
export interface SseMessage {
  event: string;
  data: string;
  id: string | null;
}

/**
 * Incremental parser for `text/event-stream` (the WHATWG rules: `event`, `data`, `id`, `retry`
 * fields; `:` comments; a blank line dispatches). Fed text chunks that may split anywhere,
 * including between `\r` and `\n`.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | null = null;
  private sawCr = false;
  /** The last `retry:` the server asked for, in milliseconds. */
  retry: number | null = null;

  constructor(private readonly onMessage: (message: SseMessage) => void) {}

  push(chunk: string): void {
    let text = chunk;
    // A chunk that begins with \n right after a \r: the pair was one line ending.
    if (this.sawCr && text.startsWith('\n')) text = text.slice(1);
    this.sawCr = false;
    this.buffer += text;
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer);
      if (!m) break;
      // A lone \r at the very end may be the first half of \r\n: wait for the next chunk to decide.
      const line = this.buffer.slice(0, m.index);
      const rest = this.buffer.slice(m.index + m[0].length);
      if (m[0] === '\r' && rest === '') this.sawCr = true;
      this.buffer = rest;
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.event = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\u0000')) this.id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break;
    }
  }

  private dispatch(): void {
    if (this.data.length === 0) {
      this.event = '';
      return;
    }
    const message: SseMessage = { event: this.event || 'message', data: this.data.join('\n'), id: this.id };
    this.event = '';
    this.data = [];
    this.onMessage(message);
  }
}
