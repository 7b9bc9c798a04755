import { describe, expect, it } from 'vitest';
import { ArgsError, parseHostArgs } from '../../src-main/app/cli';
import { defaultDataDir } from '../../src-main/app/paths';

describe('command line', () => {
  it('parses the serve flags in both spellings', () => {
    expect(parseHostArgs(['--port', '5180', '--host=0.0.0.0', '--data', '/tmp/x', '--demo'])).toEqual({
      port: 5180,
      host: '0.0.0.0',
      data: '/tmp/x',
      demo: true,
    });
    expect(parseHostArgs([])).toEqual({ demo: false });
  });

  it('refuses unknown flags and bad values in Bahasa Indonesia', () => {
    expect(() => parseHostArgs(['--prot', '1'])).toThrow(ArgsError);
    expect(() => parseHostArgs(['--prot', '1'])).toThrow(/Pilihan tidak dikenal: --prot/);
    expect(() => parseHostArgs(['--port', 'delapan'])).toThrow(/--port harus bilangan/);
    expect(() => parseHostArgs(['--port', '70000'])).toThrow(/--port harus bilangan/);
    expect(() => parseHostArgs(['--data'])).toThrow(/--data memerlukan nilai/);
    expect(() => parseHostArgs(['--data', '--demo'])).toThrow(/--data memerlukan nilai/);
  });

  it('tolerates the switches Chromium adds to Electron', () => {
    expect(parseHostArgs(['--no-sandbox', '--disable-gpu'])).toEqual({ demo: false });
  });

  it('puts data where Electron puts userData', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\klerk\\AppData\\Roaming' })).toMatch(/Roaming.Loket$/);
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/home/klerk/.config' })).toBe('/home/klerk/.config/Loket');
  });
});
