/**
 * startModuleWorker: a worker script on the page's own origin starts directly;
 * one on another origin (archsim from a CDN) starts through a same-origin blob
 * whose one static import loads it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveObjectURL } from 'node:buffer';
import { startModuleWorker } from '../../src/worker/client.js';

/** Stands in for the browser's Worker: records how it was constructed. */
class FakeWorker {
  static made: { url: string; options: WorkerOptions | undefined }[] = [];
  constructor(url: string | URL, options?: WorkerOptions) {
    FakeWorker.made.push({ url: String(url), options });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = [];
});

describe('startModuleWorker', () => {
  it('starts a worker on the page origin from its own URL', () => {
    vi.stubGlobal('Worker', FakeWorker);
    startModuleWorker(new URL('https://notes.example.edu/archsim/assets/sim.worker-abc.js'), 'https://notes.example.edu');
    expect(FakeWorker.made).toEqual([{ url: 'https://notes.example.edu/archsim/assets/sim.worker-abc.js', options: { type: 'module' } }]);
  });

  it('starts a worker on another origin through a same-origin blob that imports it, one blob per script', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const cdn = new URL('https://cdn.example.org/some/cdn/path/assets/sim.worker-abc.js');
    startModuleWorker(cdn, 'https://notes.example.edu');
    startModuleWorker(cdn, 'https://notes.example.edu');
    const [first, second] = FakeWorker.made;
    expect(first.url).toMatch(/^blob:/);
    expect(first.options).toEqual({ type: 'module' });
    expect(second.url).toBe(first.url);
    const blob = resolveObjectURL(first.url);
    expect(await blob?.text()).toBe('import "https://cdn.example.org/some/cdn/path/assets/sim.worker-abc.js";\n');
  });
});
