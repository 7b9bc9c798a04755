import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const { version } = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  main: {
    define: { __LOKET_VERSION__: JSON.stringify(version) },
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          // The Electron shell and the headless host share one composition root (src-main/app/host.ts).
          index: resolve(__dirname, 'src-main/app/main.ts'),
          serve: resolve(__dirname, 'src-main/app/serve.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/index.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; LAN browsers on modest PCs load it over the network.
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-renderer/index.html'),
          display: resolve(__dirname, 'src-renderer/display.html'),
          kiosk: resolve(__dirname, 'src-renderer/kiosk.html'),
        },
      },
    },
  },
});
