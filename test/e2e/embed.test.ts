/**
 * Embedding, as a course-notes author and a reader meet it in Chromium: the
 * iframe page with a bundled scenario and with a shared design, hostile URLs,
 * and <archsim-embed> loaded by a script tag with inline YAML or a src URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { build, DIST, launch, serve } from './harness.js';
import { encodeShare } from '../../src/state/share.js';

const SHOTS = new URL('../../screenshots/', import.meta.url).pathname;
let browser: Browser, server: Server, url: string, page: Page;
const errors: string[] = [];

const NOTES = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lecture 4: queues</title>
<script type="module" src="./archsim-embed.js"></script>
<style>body { font: 16px/1.6 Georgia, serif; max-width: 760px; margin: 24px auto; padding: 0 16px; color: #222; }</style></head>
<body><h1>Lecture 4: why queues explode</h1><p>Press Run: one server at 80% load.</p>
<archsim-embed id="inline" duration="1m" autorun readonly height="520">
  <script type="text/yaml">
    version: 1
    title: One busy server
    seed: 7
    duration: 1m
    components:
      users: { kind: client, rate: 80/s }
      app: { kind: service, workers: 1, serviceTime: exp(10ms) }
    links:
      - { from: users, to: app }
  </script>
</archsim-embed>
<p>A scenario that is not there:</p>
<archsim-embed id="missing" src="./no-such-scenario.yaml" height="240"></archsim-embed>
</body></html>`;

const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
const status = (scope = page.locator('body')) => scope.getByRole('status').filter({ hasText: /Done|Stopped|Running|failed/ });
const p99Text = (scope = page.locator('body')) =>
  scope.getByRole('table', { name: 'Summary' }).getByRole('row', { name: /^p99/ }).textContent();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  build();
  writeFileSync(join(DIST, 'e2e-notes.html'), NOTES);
  ({ url, server } = await serve());
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 900, height: 640 } });
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('embedding in Chromium', () => {
  it('the iframe page shows a bundled scenario, runs it and shows a p99', async () => {
    await page.goto(`${url}embed.html?scenario=mm1&duration=2m`);
    await expect.poll(() => page.getByRole('heading', { name: 'M/M/1: one server, random arrivals' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: /^Service app/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Run' }).click();
    await expect.poll(async () => (await status().textContent()) ?? '', { timeout: 60_000 }).toMatch(/^Done/);
    expect(await p99Text()).toMatch(/p99\s*[\d.]+\s*ms/);
    expect(await page.locator('svg.plot path.series').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('link', { name: /Open in archsim/ }).getAttribute('href')).toMatch(/\/#design=[\w-]+$/);
    await shot('embed-1-page');
  });

  it('the iframe page opens a design shared in the app format, with a variant picker', async () => {
    const doc = {
      version: 1,
      title: 'Shared: pool or no pool',
      duration: '1m',
      components: { users: { kind: 'client', rate: '50/s' }, app: { kind: 'service', workers: 2, serviceTime: 'exp(20ms)' } },
      links: [{ from: 'users', to: 'app' }],
      variants: { faster: { components: { app: { serviceTime: 'exp(5ms)' } } } },
    };
    await page.goto(`${url}embed.html?variant=faster&autorun=1#design=${await encodeShare(doc)}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Shared: pool or no pool' }).count()).toBe(1);
    expect(await page.getByLabel('Variant').inputValue()).toBe('faster');
    await expect.poll(async () => (await status().textContent()) ?? '', { timeout: 60_000 }).toMatch(/^Done/);
    expect(await p99Text()).toMatch(/p99\s*[\d.]+\s*ms/);
  });

  it.each([
    ['garbage in the share hash', 'embed.html#design=%3Cscript%3Ealert(1)%3C/script%3E', /shared link is damaged/],
    ['base64 that is not a design', 'embed.html#design=aGVsbG8gd29ybGQ', /damaged|does not hold a design/],
    ['a path instead of a scenario name', 'embed.html?scenario=../../etc/passwd', /no bundled scenario called "\.\.\/\.\.\/etc\/passwd"/],
    ['no scenario at all', 'embed.html', /No scenario in the URL/],
    ['a variant the scenario lacks', 'embed.html?scenario=mm1&variant=nope', /variant "nope" is not in this scenario/],
  ])('the iframe page explains %s instead of going blank', async (_what, path, message) => {
    await page.goto(`${url}${path}`);
    const alert = page.getByRole('alert').filter({ hasText: 'This scenario cannot be shown' });
    await expect.poll(async () => (await alert.textContent()) ?? '').toMatch(message);
    expect(await page.getByRole('button', { name: 'Run' }).isDisabled()).toBe(true);
    if (path.includes('script')) await shot('embed-2-bad-url');
  });

  it('<archsim-embed> from a script tag runs inline YAML by itself and reports a missing src', async () => {
    await page.goto(`${url}e2e-notes.html`);
    const inline = page.locator('#inline');
    await expect.poll(async () => (await status(inline).textContent()) ?? '', { timeout: 60_000 }).toMatch(/^Done/);
    expect(await p99Text(inline)).toMatch(/p99\s*[\d.]+\s*ms/);
    expect(Math.round((await inline.boundingBox())!.height)).toBe(520);
    // readonly: no ports to connect from, and a node ignores arrow keys
    expect(await inline.locator('circle.port').count()).toBe(0);
    const before = await inline.locator('g.node[data-id="app"]').getAttribute('transform');
    await inline.getByRole('button', { name: /^Service app/ }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await inline.locator('g.node[data-id="app"]').getAttribute('transform')).toBe(before);
    const missing = page.locator('#missing').getByRole('alert');
    await expect.poll(async () => (await missing.textContent()) ?? '').toMatch(/no-such-scenario\.yaml answered HTTP 404/);
    await shot('embed-3-notes');
    // theme="dark" turns the element dark on a light page
    const background = () => inline.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.evaluate(() => document.querySelector('#inline')!.setAttribute('theme', 'dark'));
    expect(await background()).toBe('rgb(22, 26, 32)');
    await inline.screenshot({ path: `${SHOTS}embed-4-dark.png` });
    expect(errors).toEqual([]);
  });

  it('a read-only embed shows request dots moving along its links while it runs', async () => {
    await page.goto(`${url}embed.html?scenario=mm1&readonly=1&duration=10h`);
    await expect.poll(() => page.getByRole('button', { name: /^Service app/ }).count()).toBe(1);
    expect(await page.locator('circle.port').count()).toBe(0);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // dots are elements moved along each link by a CSS animation (the compositor moves them)
    const dots = page.locator('.dots-layer span');
    await expect.poll(() => dots.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const where = () => dots.first().evaluate((e) => getComputedStyle(e).transform);
    const first = await where();
    await expect.poll(where).not.toBe(first);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(async () => (await status().textContent()) ?? '').toMatch(/^Stopped/);
    expect(await dots.count()).toBe(0);
  });
});
