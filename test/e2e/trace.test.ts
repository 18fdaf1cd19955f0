/**
 * Request traces in Chromium, as a student reads one: open the request-trace
 * scenario, run it, click a point of the latency chart, read that request's
 * waterfall (a table of spans), pick the slowest request, and download its
 * trace as Chrome trace-event JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { type App, openApp } from './harness.js';

const SHOTS = new URL('../../screenshots/', import.meta.url).pathname;
const FILE = readFileSync(new URL('../../scenarios/request-trace.yaml', import.meta.url), 'utf8');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let app: App, page: Page;
const errors: string[] = [];

const status = () => page.getByRole('status').filter({ hasText: /Done|Stopped|Running|failed/ });
const waterfall = () => page.getByRole('table', { name: 'Request trace' });
/** The span names of the waterfall, top to bottom. */
const spanNames = () => waterfall().getByRole('rowheader').allTextContents();

beforeAll(async () => {
  ({ page } = app = await openApp({
    shots: SHOTS,
    // tall enough for the results pane to show the waterfall's first rows and the path to the retry
    viewport: { width: 1440, height: 1300 },
    context: { acceptDownloads: true },
    onPage: (p) => {
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    },
    goto: true,
  }));
  await page.locator('input[type=file]').setInputFiles({ name: 'request-trace.yaml', mimeType: 'text/yaml', buffer: Buffer.from(FILE) });
  await page.getByRole('button', { name: /^Database db/ }).waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('request traces in the app', () => {
  it('opens the trace of the request nearest a clicked point of the latency chart as a waterfall', async () => {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(async () => (await status().textContent()) ?? '', { timeout: 120_000, interval: 250 }).toMatch(/^Done/);
    // the traces arrive just after Done (the worker replays the run for them): the chart then offers the click
    const chart = page.getByRole('img', { name: /^Latency over time.*Click a point to open the traced request/ });
    await chart.waitFor({ timeout: 60_000 });
    const box = (await chart.boundingBox()) as { width: number; height: number };
    // the upper middle of the plot: the p99 line, halfway through the run
    await chart.click({ position: { x: box.width * 0.55, y: box.height * 0.25 } });
    await expect.poll(() => page.getByRole('tab', { name: 'Trace' }).getAttribute('aria-selected')).toBe('true');
    const names = await spanNames();
    expect(names[0]).toBe('request /');
    expect(names).toContain('→ app');
    expect(names).toContain('app · service');
    expect(await waterfall().getByRole('columnheader').allTextContents()).toEqual([
      'Span',
      'Component',
      'Start',
      'Duration',
      'Outcome',
      'Timeline',
    ]);
    // the request row lasts the request's latency, as its label says
    const label = (await page.getByRole('combobox', { name: 'Traced request' }).locator('option:checked').textContent()) ?? '';
    const latency = /· (\d+\.\d) ms/.exec(label)?.[1];
    const requestRow = await waterfall()
      .getByRole('row', { name: /^request \// })
      .locator('td')
      .allTextContents();
    expect(Number(requestRow[2])).toBeCloseTo(Number(latency), 0);
  });

  it('shows the slowest request’s path: cache miss, pool wait, a timed-out attempt, the backoff and the retry', async () => {
    const pick = page.getByRole('combobox', { name: 'Traced request' });
    const slowest = (await pick.locator('option').allTextContents()).find((o) => o.includes('slowest')) as string;
    await pick.selectOption({ label: slowest });
    const names = await spanNames();
    for (const n of ['cache · miss', '→ db', 'attempt 1 → db', 'backoff', 'attempt 2 → db', 'db · query']) expect(names, n).toContain(n);
    expect(names.indexOf('attempt 1 → db')).toBeLessThan(names.indexOf('backoff'));
    const attempt1 = await waterfall()
      .getByRole('row', { name: /^attempt 1 → db/ })
      .locator('td')
      .allTextContents();
    expect(attempt1[3]).toBe('timeout');
    expect(names.some((n) => n === 'db · pool wait')).toBe(true);
    await pick.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}trace-waterfall.png` });
  });

  it('has no serious or critical axe-core violation with the waterfall open', async () => {
    await page.addScriptTag({ path: AXE });
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    })) as { id: string; impact: string; nodes: { target: unknown[] }[] }[];
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)}`))).toEqual([]);
  });

  it('downloads the shown trace as Chrome trace-event JSON', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download trace' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^trace-request-\d+\.json$/);
    const doc = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    const complete = doc.traceEvents.filter((e: { ph: string }) => e.ph === 'X');
    expect(complete[0]).toMatchObject({ name: 'request /', cat: 'request', ph: 'X', pid: 1 });
    expect(complete.some((e: { name: string }) => e.name === 'attempt 2 → db')).toBe(true);
    expect(doc.traceEvents.some((e: { ph: string; name: string }) => e.ph === 'M' && e.name === 'thread_name')).toBe(true);
    expect(errors).toEqual([]);
  });
});
