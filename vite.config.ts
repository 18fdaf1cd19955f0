/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/** Puts custom-elements.json (from `npm run manifest`) in the build beside archsim-embed.js, its paths made relative to dist/. */
const customElementsManifest: Plugin = {
  name: 'archsim-custom-elements-manifest',
  apply: 'build',
  generateBundle() {
    const manifest = readFileSync(new URL('./custom-elements.json', import.meta.url), 'utf8');
    this.emitFile({ type: 'asset', fileName: 'custom-elements.json', source: manifest.replaceAll('"dist/', '"') });
  },
};

export default defineConfig({
  // relative asset URLs: dist/ works from any base path
  base: './',
  optimizeDeps: { include: ['seedrandom'] },
  plugins: [customElementsManifest],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      // the app, the iframe embed page, and the <archsim-embed> script for course notes
      input: { index: 'index.html', embed: 'embed.html', 'archsim-embed': 'src/embed/embed.ts' },
      // a stable name, so notes can load dist/archsim-embed.js without knowing the hash
      output: { entryFileNames: (chunk) => (chunk.name === 'archsim-embed' ? '[name].js' : 'assets/[name]-[hash].js') },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
