import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * The shipped clip set of the queue voice: `voice/` among the installed app's resources
 * (electron-builder's extraResources), else `resources/voice` of the source tree, found by
 * looking up from this module (src-main/app in tests, out/main[/chunks] when built).
 */
export function shippedVoiceDir(): string | null {
  const candidates: string[] = [];
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) candidates.push(join(packaged, 'voice'));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++, dir = dirname(dir)) candidates.push(join(dir, 'resources', 'voice'));
  return candidates.find((c) => existsSync(join(c, 'manifest.json'))) ?? null;
}
