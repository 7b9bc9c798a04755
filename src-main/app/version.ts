import { createRequire } from 'node:module';

/** The app's version from package.json (bundled builds inline it through Vite's define). */
declare const __LOKET_VERSION__: string | undefined;

export const APP_VERSION: string =
  typeof __LOKET_VERSION__ === 'string' ? __LOKET_VERSION__ : (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
