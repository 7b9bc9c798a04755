/** Command-line flags shared by `npm start` (Electron) and `npm run serve`. */
export interface HostArgs {
  port?: number;
  host?: string;
  data?: string;
  demo: boolean;
}

const usage = 'Pemakaian: loket [--port N] [--host ALAMAT] [--data FOLDER] [--demo]';

export class ArgsError extends Error {}

export function parseHostArgs(argv: readonly string[]): HostArgs {
  const args: HostArgs = { demo: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new ArgsError(`${flag} memerlukan nilai. ${usage}`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ArgsError(`--port harus bilangan 0–65535. ${usage}`);
        args.port = port;
        break;
      }
      case '--host':
        args.host = value();
        break;
      case '--data':
        args.data = value();
        break;
      case '--demo':
        args.demo = true;
        break;
      default:
        // Electron and Chromium add switches of their own; ignore those, refuse the rest.
        if (flag.startsWith('--') && /^--(no-sandbox|enable-|disable-|inspect|remote-debugging)/.test(flag)) break;
        throw new ArgsError(`Pilihan tidak dikenal: ${arg}. ${usage}`);
    }
  }
  return args;
}
