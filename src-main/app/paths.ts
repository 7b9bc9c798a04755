import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Loket';

/**
 * Electron's `userData` folder for this app, computed without Electron so serve mode uses the
 * very same database as the desktop window.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
