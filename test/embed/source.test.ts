import { describe, expect, it } from 'vitest';
import { appUrl, dedent, fetchScenario, fileName } from '../../src/embed/source.js';

const respond = (body: string, init: ResponseInit = {}) => (async () => new Response(body, init)) as unknown as typeof fetch;

describe('embed scenario sources', () => {
  it('dedent() removes the indentation HTML gave inline YAML, keeping nesting', () => {
    expect(dedent('\n    version: 1\n    components:\n      a: { kind: client }\n  ')).toBe(
      'version: 1\ncomponents:\n  a: { kind: client }\n',
    );
  });

  it('fileName() names the file a URL points at', () => {
    expect(fileName('/notes/week%204/cache.yaml?v=2#x')).toBe('cache.yaml');
  });

  it('fetchScenario() resolves relative URLs and returns the text', async () => {
    let asked = '';
    const f = (async (u: string) => ((asked = u), new Response('version: 1'))) as unknown as typeof fetch;
    expect(await fetchScenario('mm1.yaml', 'https://x.edu/notes/week4.html', f)).toBe('version: 1');
    expect(asked).toBe('https://x.edu/notes/mm1.yaml');
  });

  it('fetchScenario() says which URL failed and how', async () => {
    await expect(fetchScenario('a.yaml', 'https://x.edu/', respond('no', { status: 404, statusText: 'Not Found' }))).rejects.toThrow(
      'https://x.edu/a.yaml answered HTTP 404 Not Found',
    );
    await expect(
      fetchScenario('a.yaml', 'https://x.edu/', (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch),
    ).rejects.toThrow('could not fetch https://x.edu/a.yaml (offline, or the server does not allow cross-origin requests)');
    await expect(fetchScenario('javascript:alert(1)', 'https://x.edu/', respond(''))).rejects.toThrow(
      'javascript: URLs are not loaded; use http(s)',
    );
    await expect(fetchScenario('big.yaml', 'https://x.edu/', respond('x'.repeat(1_000_001)))).rejects.toThrow(
      'https://x.edu/big.yaml is larger than 1 MB; refused',
    );
  });
});

describe('the app attribute of <archsim-embed> (issue #9)', () => {
  it.each([
    ['https://archsim.example/app/', 'https://archsim.example/app/'],
    ['../app/index.html#old', 'https://notes.example/app/index.html'],
    ['//cdn.example/app/', 'https://cdn.example/app/'],
  ])('links %s as %s', (app, href) => expect(appUrl(app, 'https://notes.example/week4/page.html')).toBe(href));

  it('links a relative app from notes opened from disk', () => {
    expect(appUrl('app/', 'file:///home/me/notes/index.html')).toBe('file:///home/me/notes/app/');
  });

  it.each([
    ['javascript:alert(1)', 'javascript:'],
    ['  JavaScript:alert(1)', 'javascript:'],
    ['java\tscript:alert(1)', 'javascript:'],
    ['data:text/html,<script>alert(1)</script>', 'data:'],
    ['file:///etc/passwd', 'file:'],
    ['blob:https://notes.example/1', 'blob:'],
  ])('refuses %j', (app, scheme) => {
    expect(() => appUrl(app, 'https://notes.example/week4/')).toThrow(`app: ${scheme} URLs are not linked; use an http(s) or relative URL`);
  });
});
