import { describe, expect, it } from 'vitest';
import { SseParser, type SseMessage } from '../../src-renderer/api/sse';
import { geserTanggal, tanggalPanjang, umur } from '../../src-renderer/lib/format';

function parse(chunks: string[]): SseMessage[] {
  const out: SseMessage[] = [];
  const p = new SseParser((m) => out.push(m));
  for (const c of chunks) p.push(c);
  return out;
}

describe('SSE parser of the renderer', () => {
  it('reads events, ids, multi-line data and ignores comments', () => {
    const stream = 'retry: 2000\nevent: hello\ndata: {"bootId":"b1"}\n\n: ping\n\nid: b1-1\nevent: settings.changed\ndata: {"a":\ndata: 1}\n\n';
    const all = parse([stream]);
    expect(all).toEqual([
      { event: 'hello', data: '{"bootId":"b1"}', id: null },
      { event: 'settings.changed', data: '{"a":\n1}', id: 'b1-1' },
    ]);
  });

  it('gives the same result however the stream is cut, CRLF included', () => {
    const stream = 'id: x-7\r\nevent: reference.changed\r\ndata: {"kind":"unit"}\r\n\r\nevent: system.resync\ndata: {}\n\n';
    const whole = parse([stream]);
    expect(whole).toHaveLength(2);
    for (let cut = 1; cut < stream.length; cut++) expect(parse([stream.slice(0, cut), stream.slice(cut)])).toEqual(whole);
    expect(parse([...stream])).toEqual(whole);
  });

  it('drops an event without data and keeps the default name "message"', () => {
    expect(parse(['event: kosong\n\ndata: x\n\n'])).toEqual([{ event: 'message', data: 'x', id: null }]);
  });
});

describe('renderer date helpers', () => {
  it('writes ages as an Indonesian clerk does', () => {
    expect(umur('1985-03-12', '2026-11-23')).toBe('41 th');
    expect(umur('2026-04-30', '2026-11-23')).toBe('6 bln');
    expect(umur('2026-11-20', '2026-11-23')).toBe('3 hr');
    expect(umur('2027-01-01', '2026-11-23')).toBe('—');
  });

  it('moves across month and year ends and writes long dates', () => {
    expect(geserTanggal('2026-12-31', 1)).toBe('2027-01-01');
    expect(geserTanggal('2024-03-01', -1)).toBe('2024-02-29');
    expect(tanggalPanjang('2026-11-23')).toBe('23 November 2026');
  });
});
