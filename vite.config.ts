/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

export default defineConfig({
  // relative asset URLs: dist/ works from any base path
  base: './',
  optimizeDeps: { include: ['seedrandom'] },
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
