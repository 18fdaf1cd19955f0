/**
 * The embed as a distributable (#15): course notes on one origin load
 * archsim-embed.js, its chunks, its worker and the iframe page from another
 * origin under a CDN-style path, the way a site uses archsim from a CDN. The
 * page is examples/embed-html/ with its `./archsim/` base pointed at the CDN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { build, DIST, launch } from './harness.js';
import { serveStatic, type StaticServer } from './static-server.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SHOTS = join(ROOT, 'screenshots');
const CDN_PATH = '/some/cdn/path/';
let browser: Browser, page: Page, cdn: StaticServer, notes: StaticServer, site: string;
let broken: StaticServer | undefined;

/** The element as custom-elements.json describes it. */
const described = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')).modules[0].declarations[0] as Record<
  'attributes' | 'events' | 'cssParts',
  { name: string }[]
>;
const MANIFEST_EVENTS = described.events.map((e) => e.name);
const errors: string[] = [];

const status = (scope: Locator) => scope.getByRole('status').filter({ hasText: /Done|Stopped|Running|failed/ });
const p99Text = (scope: Locator) => scope.getByRole('table', { name: 'Summary' }).getByRole('row', { name: /^p99/ }).textContent();

/** Presses Run in `scope` and waits for the run to finish. */
async function runIn(scope: Locator): Promise<void> {
  await scope.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(async () => (await status(scope).textContent()) ?? '', { timeout: 60_000, interval: 250 }).toMatch(/^Done/);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  build();
  cdn = await serveStatic({ routes: { [CDN_PATH]: DIST }, cors: true });
  // the example notes, with archsim taken from the CDN instead of a copy beside them
  site = mkdtempSync(join(tmpdir(), 'archsim-notes-'));
  cpSync(join(ROOT, 'examples/embed-html'), site, { recursive: true });
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  expect(html).toContain('src="./archsim/archsim-embed.js"');
  writeFileSync(join(site, 'page.html'), html.replaceAll('./archsim/', `${cdn.origin}${CDN_PATH}`));
  notes = await serveStatic({ routes: { '/notes/': site } });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  // every event an embed fires reaches the document (they bubble and are composed): record their names
  await page.addInitScript(`window.embedEvents = [];
    for (const name of ${JSON.stringify(MANIFEST_EVENTS)}) document.addEventListener(name, (e) => window.embedEvents.push(e.type));
    // the example of docs/embedding.md
    window.p99s = [];
    document.addEventListener('archsim-run-end', (e) => {
      if (e.detail.status === 'done') window.p99s.push(e.detail.result.summary.latencyMs.p99);
    });`);
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  broken?.close();
  cdn?.close();
  notes?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

describe('<archsim-embed> served from another origin (a CDN path)', () => {
  it('renders on the notes page and runs a scenario file, then its variant, in a worker loaded from the CDN', async () => {
    await page.goto(`${notes.origin}/notes/page.html`);
    const embed = page.locator('#from-file');
    await expect.poll(() => embed.getByRole('heading', { name: 'One worker or two?' }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => embed.getByRole('button', { name: /^Service app/ }).count(), { timeout: 30_000 }).toBe(1);
    await runIn(embed);
    expect(await p99Text(embed)).toMatch(/p99\s*[\d.]+\s*ms/);
    await embed.getByLabel('Variant').selectOption('+pool');
    await runIn(embed);
    expect(await p99Text(embed)).toMatch(/p99\s*[\d.]+\s*ms/);
    // the worker is a same-origin bootstrap that imported the CDN's worker script
    expect(page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(new RegExp(`^blob:${notes.origin}/`)));
    expect(cdn.served).toContainEqual(expect.stringMatching(/^\/some\/cdn\/path\/assets\/sim\.worker-[\w-]+\.js$/));
    expect(cdn.served).toContain(`${CDN_PATH}archsim-embed.js`);
    // the notes site served only the page and its scenario: every archsim file came from the CDN
    expect([...new Set(notes.served)].sort()).toEqual(['/notes/page.html', '/notes/pool.yaml']);
    expect(await embed.getByRole('link', { name: /Open in archsim/ }).getAttribute('href')).toMatch(
      new RegExp(`^${cdn.origin}${CDN_PATH}#design=[\\w-]+$`),
    );
  });

  it('runs the inline scenario too, and the iframe page from the CDN, with no console errors', async () => {
    const inline = page.locator('#inline');
    await runIn(inline);
    expect(await p99Text(inline)).toMatch(/p99\s*[\d.]+\s*ms/);
    const frame = page.frameLocator('#frame').locator('body');
    await expect
      .poll(() => frame.getByRole('heading', { name: 'M/M/1: one server, random arrivals' }).count(), { timeout: 30_000 })
      .toBe(1);
    await runIn(frame);
    expect(await p99Text(frame)).toMatch(/p99\s*[\d.]+\s*ms/);
    await page.screenshot({ path: join(SHOTS, 'embed-cross-origin.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('does what its custom-elements.json (served beside the script) says: attributes observed, events fired, parts rendered', async () => {
    const res = await fetch(`${cdn.origin}${CDN_PATH}custom-elements.json`);
    expect(res.status).toBe(200);
    const served = await res.json();
    expect(served.modules[0].path).toBe('archsim-embed.js');
    expect(served.modules[0].declarations[0].tagName).toBe('archsim-embed');
    const observed = await page.evaluate(
      () => (customElements.get('archsim-embed') as unknown as { observedAttributes: string[] }).observedAttributes,
    );
    expect(described.attributes.map((a) => a.name).sort()).toEqual([...observed].sort());
    // so far: two loads and three runs; then a scenario that cannot be shown
    await page.evaluate(() => document.querySelector('#inline')?.setAttribute('src', 'no-such.yaml'));
    await expect
      .poll(() => page.locator('#inline').getByRole('alert').textContent(), { timeout: 30_000 })
      .toMatch(/no-such\.yaml answered HTTP 404/);
    const fired = await page.evaluate(() => (window as unknown as { embedEvents: string[] }).embedEvents);
    expect(new Set(fired)).toEqual(new Set(MANIFEST_EVENTS));
    expect(fired.filter((e) => e === 'archsim-run-end')).toHaveLength(3);
    const p99s = await page.evaluate(() => (window as unknown as { p99s: number[] }).p99s);
    expect(p99s).toHaveLength(3);
    for (const p99 of p99s) expect(p99).toBeGreaterThan(10);
    const parts = await page.evaluate(() =>
      [...document.querySelectorAll('archsim-embed')].flatMap((el) =>
        [...(el.shadowRoot?.querySelectorAll('[part]') ?? [])].map((p) => p.getAttribute('part')),
      ),
    );
    const documented = described.cssParts.map((p) => p.name);
    for (const part of parts) expect(documented).toContain(part);
    // lesson is the one part these two embeds do not show (neither has the lesson attribute)
    expect(documented.filter((p) => !parts.includes(p))).toEqual(['lesson']);
  });

  it('says why Run failed, instead of running for ever, when the CDN lacks the worker script', async () => {
    broken = await serveStatic({ routes: { [CDN_PATH]: DIST }, cors: true, missing: /\/sim\.worker-[\w-]+\.js$/ });
    const html = readFileSync(join(site, 'index.html'), 'utf8').replaceAll('./archsim/', `${broken.origin}${CDN_PATH}`);
    writeFileSync(join(site, 'broken.html'), html);
    const other = await browser.newPage();
    try {
      await other.goto(`${notes.origin}/notes/broken.html`);
      const inline = other.locator('#inline');
      await expect.poll(() => inline.getByRole('heading', { name: 'One busy server' }).count(), { timeout: 30_000 }).toBe(1);
      await inline.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(async () => (await status(inline).textContent()) ?? '', { timeout: 30_000 }).toBe('Run failed');
      expect(
        await inline
          .getByText(/did not load/)
          .first()
          .textContent(),
      ).toContain(`${broken.origin}${CDN_PATH}assets/sim.worker-`);
      // the element stays usable: Run is offered again
      expect(await inline.getByRole('button', { name: 'Run', exact: true }).isEnabled()).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('says why Run failed when the Content-Security-Policy of the page refuses blob: workers', async () => {
    const html = readFileSync(join(site, 'page.html'), 'utf8').replace(
      '<meta charset="utf-8" />',
      `<meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="worker-src 'self'" />`,
    );
    writeFileSync(join(site, 'strict.html'), html);
    const other = await browser.newPage();
    try {
      await other.goto(`${notes.origin}/notes/strict.html`);
      const inline = other.locator('#inline');
      await expect.poll(() => inline.getByRole('heading', { name: 'One busy server' }).count(), { timeout: 30_000 }).toBe(1);
      await inline.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(async () => (await status(inline).textContent()) ?? '', { timeout: 30_000 }).toBe('Run failed');
      expect(
        await inline
          .getByText(/did not load/)
          .first()
          .textContent(),
      ).toMatch(/must allow blob: workers \(Content-Security-Policy worker-src\)/);
    } finally {
      await other.close();
    }
  });
});
