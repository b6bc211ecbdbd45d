/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { searchIndexPlugin } from './plugins/search-index.ts';
import { VitePWA } from 'vite-plugin-pwa';
import { securityPlugin } from './plugins/security.ts';

const geodataDir = fileURLToPath(new URL('./geodata', import.meta.url));

export default defineConfig({
  plugins: [
    svelte(),
    searchIndexPlugin(geodataDir),
    // CSP meta, _headers and the preview server's headers from one source (src/lib/config/csp.ts)
    securityPlugin(),
    // installable, works offline after the first visit; the service worker exists only in builds
    VitePWA({
      // a new build's worker waits until the user accepts "updated: reload" (src/ui/UpdateNotice.svelte)
      registerType: 'prompt',
      // registered by the app after the map's first idle (src/lib/pwa/register.ts), not from the page head
      injectRegister: false,
      strategies: 'generateSW',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: '越城区规划地图',
        short_name: '越城规划',
        description: '越城区“十四五”规划地图 · Yuecheng 14th Five-Year Plan map',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#1d3557',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // the maplibre worker is an .mjs asset; geodata are .geojson/.json/.txt
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,geojson,json,txt,webmanifest}'],
        maximumFileSizeToCacheInBytes: 12 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
    // maplibre-gl in a chunk of its own, so the first-load budget (tests/e2e/budget.test.ts) can tell it apart
    rolldownOptions: { output: { manualChunks: (id: string) => (/[\\/]node_modules[\\/]maplibre-gl[\\/]/.test(id) ? 'maplibre' : null) } },
  },
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
