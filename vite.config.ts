/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

export default defineConfig({
  // relative asset URLs: dist/ works from any base path
  base: './',
  optimizeDeps: { include: ['seedrandom'] },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
