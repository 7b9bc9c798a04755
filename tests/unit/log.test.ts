import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLogger, scrub } from '../../src-main/app/log';
import { tempDir } from '../helpers/host';

describe('log', () => {
  it('masks NIK- and BPJS-like numbers', () => {
    expect(scrub('NIK 3201015203900001 dan BPJS 0001234567890')).toBe('NIK ############0001 dan BPJS #########7890');
    expect(scrub('pasien 42 unit 7')).toBe('pasien 42 unit 7');
  });

  it('writes to a file in the data folder, scrubbed', async () => {
    const log = createLogger(tempDir(), { console: false });
    log.info('pencarian 3201015203900001 selesai');
    log.error('gagal', new Error('nomor 0001234567890 ditolak'));
    await new Promise((r) => setTimeout(r, 50));
    const text = readFileSync(log.file, 'utf8');
    expect(text).toContain('pencarian ############0001 selesai');
    expect(text).toContain('#########7890');
    expect(text).not.toMatch(/3201015203900001|0001234567890/);
  });
});
