/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { searchIndexPlugin } from './plugins/search-index.ts';

const geodataDir = fileURLToPath(new URL('./geodata', import.meta.url));

export default defineConfig({
  plugins: [svelte(), searchIndexPlugin(geodataDir)],
  build: { target: 'es2022', chunkSizeWarningLimit: 1500, sourcemap: false },
  server: { host: true },
  preview: { host: true },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
