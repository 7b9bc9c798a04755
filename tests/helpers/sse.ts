/** A minimal SSE reader over fetch, as the HTTP client does it (headers allowed, unlike EventSource). */
export interface SseMessage {
  event: string;
  id?: string;
  data: string;
}

export function openSse(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const messages: SseMessage[] = [];
  const waiters: (() => void)[] = [];
  const done = (async () => {
    const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: controller.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const msg: SseMessage = { event: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) msg.event = line.slice(6).trim();
            else if (line.startsWith('id:')) msg.id = line.slice(3).trim();
            else if (line.startsWith('data:')) msg.data += line.slice(5).trim();
          }
          if (block.split('\n').every((l) => l.startsWith(':'))) continue;
          messages.push(msg);
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    messages,
    async waitFor(predicate: (m: SseMessage) => boolean, timeoutMs = 5000): Promise<SseMessage> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`SSE: tidak ada pesan yang cocok; diterima: ${messages.map((m) => m.event).join(', ')}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}
