/**
 * Hostile input at the app's doors, in Chromium (issue #9): a share link whose
 * component id is `__proto__`, corrupted autosaves, and an embed with a
 * polluting scenario and a `javascript:` app link. Each must leave
 * Object.prototype clean, say what happened, and leave the app usable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build, DIST, launch, serve } from './harness.js';
import { encodeShare } from '../../src/state/share.js';

const SHOTS = new URL('../../screenshots/', import.meta.url).pathname;
const AUTOSAVE_KEY = 'archsim.design.v1';
const SET_ASIDE_KEY = 'archsim.design.v1.set-aside';
let browser: Browser, server: Server, url: string;
let context: BrowserContext, page: Page, errors: string[];

/** The polluting design of the issue, as JSON text (JSON.parse keeps `__proto__` an own key). */
const POLLUTING =
  '{"version":1,"duration":"10s","components":{"users":{"kind":"client","rate":"10/s"},"__proto__":{"kind":"service"}},' +
  '"links":[{"from":"users","to":"__proto__"}]}';

const NOTES = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile notes</title>
<script type="module" src="./archsim-embed.js"></script></head><body>
<archsim-embed id="hostile" height="300"><script type="text/yaml">${POLLUTING}</script></archsim-embed>
<archsim-embed id="js-app" app="javascript:alert(document.domain)" height="420"><script type="text/yaml">
    version: 1
    title: Linked to javascript
    duration: 10s
    components:
      users: { kind: client, rate: 10/s }
      app: { kind: service }
    links:
      - { from: users, to: app }
</script></archsim-embed></body></html>`;

/** Object.prototype has only its own built-in members: no key was written into it. */
const prototypeIsClean = () =>
  page.evaluate(() => {
    const keys = Object.getOwnPropertyNames(Object.prototype);
    const probe = {} as Record<string, unknown>;
    return keys.length === 12 && probe.users === undefined && Object.keys(probe).length === 0 && !('x' in probe);
  });

/** Opens a bundled scenario and runs it to Done: the app is still usable. */
async function runBundled(): Promise<void> {
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'M/M/1: one server, random arrivals' });
  await expect.poll(() => page.getByRole('button', { name: /^Service app/ }).count()).toBe(1);
  await page.getByLabel('Run duration').fill('1m');
  await page.getByLabel('Run duration').press('Tab');
  await page.getByRole('button', { name: 'Run' }).click();
  const status = page.getByRole('status').filter({ hasText: /Done|Stopped|Running|failed/ });
  await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 60_000, interval: 250 }).toMatch(/^Done/);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  build();
  writeFileSync(join(DIST, 'e2e-hostile-notes.html'), NOTES);
  ({ url, server } = await serve());
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** A fresh browser profile (empty localStorage) for each case. */
async function freshPage(): Promise<void> {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1366, height: 860 }, acceptDownloads: true });
  page = await context.newPage();
  errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
}

describe('hostile input in Chromium (issue #9)', () => {
  it('a share link with a __proto__ component is refused, pollutes nothing, and the app still runs', async () => {
    await freshPage();
    // the prototype is checked on the app's own page, before and after the link
    await page.goto(url);
    await page.getByRole('button', { name: 'Run' }).waitFor();
    expect(await prototypeIsClean()).toBe(true);
    await page.goto(`${url}#design=${await encodeShare(JSON.parse(POLLUTING))}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not open the shared link' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('components.__proto__: invalid id: "__proto__" is a reserved name');
    expect(await prototypeIsClean()).toBe(true);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await runBundled();
    expect(await prototypeIsClean()).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'Run' }).waitFor();
    expect(await prototypeIsClean()).toBe(true);
    expect(errors).toEqual([]);
  });

  it.each([
    ['a null component', '{"doc":{"components":{"a":null,"b":{"kind":"service"}}}}', 'components.a: expected a component'],
    ['a null link', '{"doc":{"components":{"b":{"kind":"service"}},"links":[null]}}', 'links[0]: expected a link'],
    ['a __proto__ component', `{"source":"mine","doc":${POLLUTING}}`, 'invalid id: "__proto__" is a reserved name'],
  ])('an autosave with %s is set aside and offered for download; the default scenario opens', async (name, saved, reason) => {
    await freshPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Run' }).waitFor();
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [AUTOSAVE_KEY, saved]);
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'Your autosaved design could not be opened' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('so the first bundled scenario is open instead');
    expect(text).toContain(`It is kept in this browser under "${SET_ASIDE_KEY}"`);
    expect(text).toContain(reason);
    expect(await page.evaluate((k) => localStorage.getItem(k), SET_ASIDE_KEY)).toBe(saved);
    expect(await prototypeIsClean()).toBe(true);
    if (name === 'a null component') await page.screenshot({ path: `${SHOTS}autosave-set-aside.png` });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the set-aside design' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('archsim-autosave.json');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(saved);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toBe('Untitled design');
    await runBundled();
    expect(await prototypeIsClean()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('an embed refuses a polluting scenario and a javascript: app link, and still runs its other scenario', async () => {
    await freshPage();
    await page.goto(`${url}e2e-hostile-notes.html`);
    const hostile = page.locator('#hostile');
    await hostile.getByRole('alert').filter({ hasText: 'This scenario cannot be shown' }).waitFor();
    expect(await hostile.getByRole('alert').textContent()).toContain('"__proto__" is a reserved name');
    const linked = page.locator('#js-app');
    await linked.getByRole('button', { name: 'Run' }).waitFor();
    await expect
      .poll(
        async () =>
          (await linked
            .getByRole('alert')
            .textContent()
            .catch(() => '')) ?? '',
      )
      .toContain('app: javascript: URLs are not linked; use an http(s) or relative URL');
    expect(await linked.getByRole('link', { name: /Open in archsim/ }).count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await prototypeIsClean()).toBe(true);
    await page.screenshot({ path: `${SHOTS}embed-hostile.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
