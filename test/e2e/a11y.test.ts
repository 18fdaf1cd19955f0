/**
 * Accessibility, checked by axe-core in Chromium: no serious or critical
 * violation on the app (first screen, after a run, in both colour schemes)
 * nor on the embed (the iframe page and <archsim-embed> in a page of notes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { build, DIST, launch, serve } from './harness.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser: Browser, server: Server, url: string, page: Page;

const NOTES = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lecture 4: queues</title>
<script type="module" src="./archsim-embed.js"></script></head>
<body><main><h1>Lecture 4: why queues explode</h1><p>Press Run: one server at 80% load.</p>
<archsim-embed duration="1m" autorun height="560">
  <script type="text/yaml">
    version: 1
    title: One busy server
    description: A single worker at **80 %** load. Watch the p99.
    seed: 7
    duration: 1m
    components:
      users: { kind: client, rate: 80/s }
      app: { kind: service, workers: 1, serviceTime: exp(10ms) }
    links:
      - { from: users, to: app }
    variants:
      faster: { components: { app: { serviceTime: exp(5ms) } } }
  </script>
</archsim-embed></main></body></html>`;

type Violation = { id: string; impact: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };

/** axe-core's serious and critical violations on the page as it is now, one line each (rule, help, where). */
async function seriousViolations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} — ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`));
}

const status = (scope = page.locator('body')) => scope.getByRole('status').filter({ hasText: /^(Done|Stopped|Running|Run failed)/ });
const waitDone = (scope = page.locator('body')) =>
  expect.poll(async () => (await status(scope).textContent()) ?? '', { timeout: 60_000 }).toMatch(/^Done/);

beforeAll(async () => {
  build();
  writeFileSync(join(DIST, 'e2e-a11y-notes.html'), NOTES);
  ({ url, server } = await serve());
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('axe-core finds no serious or critical violation', () => {
  it('on the first screen (the start view), in both colour schemes', async () => {
    await page.goto(url);
    await page.getByRole('navigation', { name: /archsim: watch a system design under load/ }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    const theme = page.getByRole('button', { name: /^Colour scheme/ });
    await theme.click(); // auto → light
    await theme.click(); // light → dark
    expect(await seriousViolations()).toEqual([]);
    await page.screenshot({ path: new URL('../../screenshots/gallery-dark.png', import.meta.url).pathname });
    await theme.click(); // back to auto
  });

  it('on the app after a run, with a node selected, in the light scheme', async () => {
    await page.getByRole('button', { name: /^M\/M\/1: one server/ }).click();
    await page.getByLabel('Run duration').fill('1m');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitDone();
    await page.getByRole('button', { name: /^Service app/ }).click();
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the app after a run in the dark scheme', async () => {
    const theme = page.getByRole('button', { name: /^Colour scheme/ });
    await theme.click(); // auto → light
    await theme.click(); // light → dark
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await seriousViolations()).toEqual([]);
    await theme.click(); // back to auto
  });

  it('on a replicated run (± columns, bands) and on the Sweep view after a sweep', async () => {
    await page.getByRole('combobox', { name: 'Replications' }).selectOption('5');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(async () => (await status().textContent()) ?? '', { timeout: 60_000 }).toMatch(/^Done: 5 replications/);
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('tab', { name: 'Sweep' }).click();
    const form = page.getByRole('form', { name: 'Sweep settings' });
    await form.getByRole('textbox', { name: 'Steps' }).fill('4');
    await form.getByRole('button', { name: 'Run sweep' }).click();
    await expect
      .poll(async () => (await page.getByRole('tabpanel', { name: 'Sweep' }).getByRole('status').textContent()) ?? '', { timeout: 60_000 })
      .toMatch(/done/);
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('tab', { name: 'Run', exact: true }).click();
    await page.getByRole('combobox', { name: 'Replications' }).selectOption('1');
  });

  it('on the iframe embed page after a run', async () => {
    await page.goto(`${url}embed.html?scenario=mm1&duration=1m`);
    await page.getByRole('button', { name: /^(▶ )?Run$/ }).click();
    await waitDone();
    expect(await seriousViolations()).toEqual([]);
  });

  it('on <archsim-embed> in a page of course notes, after its autorun', async () => {
    await page.goto(`${url}e2e-a11y-notes.html`);
    await waitDone();
    expect(await seriousViolations()).toEqual([]);
  });
});
