/**
 * Replications in the app, in real Chromium, the way a student uses them:
 * choose 5 seeds, Run, and read every figure as mean ± 95 % CI (summary,
 * phases, components), the charts with their confidence bands, and a
 * comparison of two variants run with the same seeds as a paired difference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type App, openApp } from './harness.js';

const SHOTS = new URL('../../screenshots/', import.meta.url).pathname;
let app: App, page: Page;
const errors: string[] = [];

const DESIGN = `version: 1
title: Two phases, one server
seed: 11
duration: 2m
components:
  users:
    kind: client
    phases:
      - { name: calm, duration: 1m, rate: 40/s }
      - { name: busy, duration: 1m, rate: 80/s }
  app: { kind: service, workers: 1, serviceTime: exp(10ms), costPerHour: 0.05 }
links:
  - { from: users, to: app }
variants:
  faster:
    components: { app: { serviceTime: exp(7ms) } }
`;

const status = () => page.getByRole('status').filter({ hasText: /Done|Stopped|Running|failed/ });
const waitDone = () => expect.poll(async () => (await status().textContent()) ?? '', { timeout: 120_000, interval: 250 }).toMatch(/^Done/);
const cells = (name: string | RegExp) => page.locator('.summary').getByRole('row', { name }).first().locator('th, td').allTextContents();

beforeAll(async () => {
  ({ page } = app = await openApp({
    shots: SHOTS,
    context: { acceptDownloads: true },
    onPage: (p) => {
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    },
    goto: true,
  }));
  await page.locator('input[type=file]').setInputFiles({ name: 'two-phases.yaml', mimeType: 'text/yaml', buffer: Buffer.from(DESIGN) });
  await page.getByRole('button', { name: /^Service app/ }).waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('replications in Chromium', () => {
  it('runs 5 seeds and shows every summary figure as mean ± 95 % CI', async () => {
    await page.getByRole('combobox', { name: 'Replications' }).selectOption('5');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitDone();
    expect(await page.getByRole('combobox', { name: 'Run shown' }).locator('option:checked').textContent()).toMatch(/5 replications/);
    expect(await page.getByRole('columnheader', { name: /Mean of 5/ }).count()).toBe(2);
    expect(await page.getByRole('columnheader', { name: /± 95% CI/ }).count()).toBe(2);
    for (const figure of [/^Throughput/, /^Mean/, /^p99/, /^Requests/, /^Error rate/, /^Per month/]) {
      const [, mean, ci] = await cells(figure);
      expect(mean, String(figure)).not.toMatch(/—/);
      expect(ci, String(figure)).toMatch(/^± /);
    }
    // the mean latency of M/M/1 over the two phases lies near its ρ-weighted value, and the interval is narrow but not zero
    const [, mean, ci] = await cells(/^Mean/);
    const meanMs = Number.parseFloat(mean),
      hwMs = Number.parseFloat(ci.slice(2));
    expect(meanMs).toBeGreaterThan(15);
    expect(meanMs).toBeLessThan(45);
    expect(hwMs).toBeGreaterThan(0);
    expect(hwMs).toBeLessThan(meanMs / 2);
  });

  it("shows the phases, the components and one component's statistics with ± intervals", async () => {
    await page.getByRole('tab', { name: 'Phases' }).click();
    const busy = await page.getByRole('table', { name: 'Phases' }).getByRole('row', { name: /^busy/ }).locator('td').allTextContents();
    expect(busy).toHaveLength(8);
    for (const c of busy) expect(c).toMatch(/ ± /);
    await page.getByRole('tab', { name: 'Components' }).click();
    const appRow = await page.getByRole('table', { name: 'Components' }).getByRole('row', { name: /app/ }).locator('td').allTextContents();
    expect(appRow[2]).toMatch(/^\d+(\.\d+)?% ± \d/);
    // every statistic of one component, mean and interval
    await page.getByRole('button', { name: 'Details of app' }).click();
    const detail = page.getByRole('table', { name: 'Statistics of app' });
    expect(await detail.getByRole('columnheader', { name: /± 95% CI/ }).count()).toBe(1);
    const utilisation = await detail
      .getByRole('row', { name: /^Utilisation/ })
      .locator('td')
      .allTextContents();
    expect(utilisation).toEqual([expect.stringMatching(/^\d+(\.\d+)?%$/), expect.stringMatching(/^± \d/)]);
    await page.getByRole('tab', { name: 'Summary' }).click();
  });

  it('draws 95 % bands on the time and percentile charts', async () => {
    for (const chart of [/^Latency over time/, /^Throughput/, /^Latency by percentile/]) {
      const bands = page.getByRole('img', { name: chart }).locator('path.band');
      expect(await bands.count(), String(chart)).toBeGreaterThan(0);
      expect((await bands.first().getAttribute('d'))?.length ?? 0, String(chart)).toBeGreaterThan(20);
    }
    await page.screenshot({ path: `${SHOTS}replications.png` });
  });

  it('downloads the replications as archsim run --replications writes them: CSV with _ci95 columns, JSON with the aggregate and the runs', async () => {
    const download = async (name: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      return readFileSync((await d.path())!).toString('utf8');
    };
    const csv = (await download('Download results as CSV')).trim().split('\n');
    expect(csv[0]).toMatch(/^label,kind,samples,samples_ci95,.*p99_ms,p99_ms_ci95/);
    expect(csv.find((l) => l.startsWith('TOTAL,'))).toBeDefined();
    const json = JSON.parse(await download('Download results as JSON'));
    expect(json.replications).toBe(5);
    expect(json.seeds).toEqual([11, 12, 13, 14, 15]);
    expect(json.runs).toHaveLength(5);
    expect(json.summary.latencyMs.p99).toEqual({ mean: expect.any(Number), halfWidth: expect.any(Number) });
  });

  it('compares two variants run with the same seeds by their paired difference', async () => {
    await page.getByRole('button', { name: 'Pin as baseline' }).click();
    await page.getByRole('combobox', { name: 'Variant' }).selectOption('faster');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitDone();
    const [, , , , change] = await cells(/^p99/);
    // a 30 % faster server cuts the p99 by far more than the paired interval
    expect(change).toMatch(/^▼ −\d+(\.\d+)? ms ± \d/);
    const cell = page.locator('.summary').getByRole('row', { name: /^p99/ }).first().locator('td').last();
    expect(await cell.getAttribute('class')).toBe('better');
    expect(await cell.getAttribute('title')).toMatch(/paired by seed, 95 % interval/);
    await page.screenshot({ path: `${SHOTS}replications-paired.png` });
  });

  it('gives each replication the result of a single run of its seed, whichever worker ran it', async () => {
    const download = async () => {
      const [d] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download results as JSON' }).click(),
      ]);
      return JSON.parse(readFileSync((await d.path())!).toString('utf8'));
    };
    const replicated = await download(); // the faster variant, seeds 11..15
    await page.getByRole('combobox', { name: 'Replications' }).selectOption('1');
    await page.getByLabel('Run seed').fill('14');
    await page.getByLabel('Run seed').press('Tab');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitDone();
    // the traces a run shows for its waterfall are the first replication's only, and its analysis is derived from the figures
    const { wallMs: _a, traces: _t, analysis: _x, ...single } = await download();
    const { wallMs: _b, ...fourth } = replicated.runs[3];
    expect(single.seed).toBe(14);
    expect(single).toEqual(fourth);
  });

  it('stops every replication with Stop, keeping the partial results', async () => {
    // 20 runs of 600,000 requests each: far longer than it takes to press Stop
    const busy = DESIGN.replace(/phases:[\s\S]*?\n {2}app:/, 'rate: 1000/s\n  app:')
      .replace('duration: 2m', 'duration: 10m')
      .replace('exp(10ms)', 'exp(0.5ms)');
    await page.locator('input[type=file]').setInputFiles({ name: 'busy.yaml', mimeType: 'text/yaml', buffer: Buffer.from(busy) });
    await page.getByRole('button', { name: /^Service app/ }).waitFor();
    await page.getByRole('combobox', { name: 'Replications' }).selectOption('20');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(async () => (await status().textContent()) ?? '', { timeout: 60_000, interval: 50 })
      .toMatch(/^Running 20 replications… \d+% · [1-9]/);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(async () => (await status().textContent()) ?? '', { timeout: 30_000 }).toMatch(/^Stopped early/);
    expect(await page.getByRole('button', { name: 'Run', exact: true }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
