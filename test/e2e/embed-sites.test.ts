/**
 * The embedding recipes of docs/embedding.md, as an instructor builds them and
 * a student meets them in Chromium: examples/mkdocs/ built by Debian's MkDocs
 * with archsim added through extra_javascript, and examples/reveal/, a
 * reveal.js deck with a scenario on its second slide.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { build, DIST, launch } from './harness.js';
import { serveStatic, type StaticServer } from './static-server.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SHOTS = join(ROOT, 'screenshots');
const MKDOCS = process.env.MKDOCS_PATH ?? '/usr/bin/mkdocs';
let browser: Browser;
const servers: StaticServer[] = [];
const temps: string[] = [];

const status = (scope: Locator) => scope.getByRole('status').filter({ hasText: /Done|Stopped|Running|failed/ });
const p99Text = (scope: Locator) => scope.getByRole('table', { name: 'Summary' }).getByRole('row', { name: /^p99/ }).textContent();

/** Presses Run in `scope` and waits for the run to finish. */
async function runIn(scope: Locator): Promise<void> {
  await scope.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(async () => (await status(scope).textContent()) ?? '', { timeout: 60_000, interval: 250 }).toMatch(/^Done/);
}

/** A fresh page that collects page errors, console errors and failed requests into `errors`. */
async function openPage(errors: string[], viewport = { width: 1000, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return page;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  build();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  for (const s of servers) s.close();
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe('embedding recipes in Chromium', () => {
  it('MkDocs: a page of examples/mkdocs, built with archsim added by extra_javascript, runs its inline scenario and variant', async () => {
    if (!existsSync(MKDOCS))
      throw new Error(`this test needs MkDocs at ${MKDOCS}. Install it with: apt-get install -y mkdocs (or set MKDOCS_PATH).`);
    const project = mkdtempSync(join(tmpdir(), 'archsim-mkdocs-'));
    temps.push(project);
    cpSync(join(ROOT, 'examples/mkdocs'), project, { recursive: true, filter: (src) => !/\/(site|docs\/archsim)$/.test(src) });
    // as docs/embedding.md says: archsim's dist/ copied into the docs folder
    cpSync(DIST, join(project, 'docs/archsim'), { recursive: true });
    execFileSync(MKDOCS, ['build', '--quiet', '--config-file', join(project, 'mkdocs.yml'), '--site-dir', join(project, 'site')], {
      stdio: 'pipe',
    });
    const html = readFileSync(join(project, 'site/index.html'), 'utf8');
    expect(html).toContain('<script src="archsim/archsim-embed-loader.js" defer></script>');
    expect(html).toMatch(/<archsim-embed duration="1m" height="520">\s*<script type="text\/yaml">/);

    const site = await serveStatic({ routes: { '/week4/': join(project, 'site') } });
    servers.push(site);
    const errors: string[] = [];
    const page = await openPage(errors);
    await page.goto(`${site.origin}/week4/`);
    expect(await page.getByRole('heading', { name: 'Why queues explode', level: 1 }).count()).toBe(1);
    const embed = page.locator('archsim-embed');
    await expect.poll(() => embed.getByRole('heading', { name: 'One server at 80 % load' }).count(), { timeout: 30_000 }).toBe(1);
    await runIn(embed);
    const base = await p99Text(embed);
    expect(base).toMatch(/p99\s*[\d.]+\s*ms/);
    await embed.getByLabel('Variant').selectOption('+worker');
    await runIn(embed);
    expect(await p99Text(embed)).toMatch(/p99\s*[\d.]+\s*ms/);
    await page.screenshot({ path: join(SHOTS, 'embed-mkdocs.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('reveal.js: the deck of examples/reveal runs the scenario on its second slide, and keys inside the embed do not turn the slide', async () => {
    const deck = await serveStatic({
      routes: {
        '/deck/reveal.js/': join(ROOT, 'node_modules/reveal.js'),
        '/deck/archsim/': DIST,
        '/deck/': join(ROOT, 'examples/reveal'),
      },
    });
    servers.push(deck);
    const errors: string[] = [];
    const page = await openPage(errors, { width: 1280, height: 800 });
    await page.goto(`${deck.origin}/deck/`);
    await expect.poll(() => page.getByRole('heading', { name: 'Why queues explode' }).isVisible(), { timeout: 30_000 }).toBe(true);
    // the slide with the scenario is hidden from readers until the presenter gets there
    expect(await page.getByRole('heading', { name: 'Try it' }).isVisible()).toBe(false);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('heading', { name: 'Try it' }).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => new URL(page.url()).hash, { timeout: 30_000 }).toBe('#/1');
    const embed = page.locator('#slide-embed');
    await expect.poll(() => embed.getByRole('heading', { name: 'One worker or two?' }).isVisible(), { timeout: 30_000 }).toBe(true);
    await runIn(embed);
    expect(await p99Text(embed)).toMatch(/p99\s*[\d.]+\s*ms/);
    // focus in the embed: the arrow key stays with it (reveal.js turns a slide within its keydown handler)
    const slideIndex = () =>
      page.evaluate(() => (globalThis as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);
    await embed.getByRole('button', { name: 'Run', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await slideIndex()).toBe(1);
    await page.locator('h3', { hasText: 'Try it' }).click();
    await page.keyboard.press('ArrowRight');
    expect(await slideIndex()).toBe(2);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => embed.getByRole('heading', { name: 'One worker or two?' }).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'embed-reveal.png') });
    expect(errors).toEqual([]);
  });
});
