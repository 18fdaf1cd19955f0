/**
 * What a run shows, in real Chromium, the way a student reads it: cost in the
 * summary, labelled badges, timeline events on the charts, the component
 * detail view, downloads, a comparison whose arrows and colours read right,
 * and results that belong to their design.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type App, openApp } from './harness.js';

const SHOTS = new URL('../../screenshots/', import.meta.url).pathname;
let app: App, page: Page;
const errors: string[] = [];

const AUTOSCALED = `version: 1
title: Autoscaled app under a spike
seed: 3
duration: 6m
components:
  users:
    kind: client
    phases:
      - { name: before, duration: 2m, rate: 120/s }
      - { name: spike, duration: 4m, rate: 350/s }
    timeout: 5s
  app:
    kind: service
    instances: 2
    workers: 4
    serviceTime: exp(40ms)
    queueCapacity: 200
    costPerHour: 0.0416
    autoscale: { min: 2, max: 12, targetUtilization: 0.6, interval: 15s, provisionTime: 60s, cooldown: 2m }
links:
  - { from: users, to: app, latency: 1ms }
events:
  - { at: 3m, action: kill, target: app, instance: 1 }
  - { at: 4m, action: restore, target: app, instance: 1 }
`;

const OTHER = `version: 1
title: One server
seed: 1
duration: 1m
components:
  users: { kind: client, rate: 50/s }
  app: { kind: service, workers: 1, serviceTime: exp(10ms) }
links:
  - { from: users, to: app }
`;

const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png` });
const status = () => page.getByRole('status').filter({ hasText: /Done|Stopped|Running|failed/ });
const waitDone = () => expect.poll(async () => (await status().textContent()) ?? '', { timeout: 120_000, interval: 250 }).toMatch(/^Done/);
const importText = async (name: string, text: string) => {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/yaml', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: /^Service app/ }).waitFor();
};
const run = async () => {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitDone();
};
/** The text of the cells of a row of the summary (either of its tables). */
const row = (name: string | RegExp) => page.locator('.summary').getByRole('row', { name }).first().locator('th, td').allTextContents();

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
  // a first visit opens the start view; importing a file replaces it with the editor
  await importText('autoscaled.yaml', AUTOSCALED);
});

afterAll(async () => {
  await app?.close();
});

describe('results in Chromium', () => {
  it('shows cost, labelled badges, and the whole summary without scrolling', async () => {
    await run();
    expect(await row(/^Per month/)).toEqual([expect.stringMatching(/Per month/), expect.stringMatching(/^\$\d+\.\d\d$/)]);
    expect((await row(/^Run cost/))[1]).toMatch(/^\$\d/);
    expect((await row(/^Throughput/))[1]).toMatch(/^[\d,.]+\/s$/);
    // every summary row fits in its box at 1366×860: nothing to scroll
    const box = await page.evaluate(() => {
      const results = document.querySelector('archsim-app')!.shadowRoot!.querySelector('archsim-results')!.shadowRoot!;
      const box = (results.querySelector('.table') as HTMLElement).getBoundingClientRect();
      const shown = [...results.querySelectorAll('.summary tr, .reasons')].map((e) => e.getBoundingClientRect());
      return {
        bottom: Math.max(...shown.map((r) => r.bottom)),
        boxBottom: box.bottom,
        rows: results.querySelectorAll('.summary tr').length,
      };
    });
    await shot('results-summary');
    expect(box.rows).toBeGreaterThanOrEqual(13);
    expect(box.bottom).toBeLessThanOrEqual(box.boxBottom);
    // the badge says what its number is
    const app = page.getByRole('button', { name: /^Service app/ });
    expect(await app.getAttribute('aria-label')).toMatch(/Utilisation \d+%/);
    expect(await page.locator('g.badge text').allTextContents()).toContainEqual(expect.stringMatching(/^busy \d+%$/));
  });

  it('marks the timeline events on the time charts, labelled', async () => {
    const latency = page.getByRole('img', { name: /^Latency over time/ });
    expect(await latency.getAttribute('aria-label')).toMatch(/events: kill app #1 at 180 s, restore app #1 at 240 s/);
    expect(await page.locator('svg.plot .event-label').allTextContents()).toEqual(
      expect.arrayContaining(['kill app #1', 'restore app #1']),
    );
    // the percentile chart has no time axis, so no events
    expect(
      await page
        .getByRole('img', { name: /^Latency by percentile/ })
        .locator('.event')
        .count(),
    ).toBe(0);
  });

  it('shows every statistic and series of a selected component, with units and help, by keyboard', async () => {
    await page.getByRole('button', { name: /^Service app/ }).focus();
    const tab = page.getByRole('tab', { name: 'Component: app' });
    await tab.focus();
    await page.keyboard.press('Enter');
    const stats = page.getByRole('table', { name: 'Statistics of app' });
    await stats.waitFor();
    const text = (await stats.textContent()) ?? '';
    for (const label of ['Arrivals', 'Utilisation', 'Queue length', 'Latency', 'Cost', 'Peak instances', 'Scale-ups'])
      expect(text, label).toContain(label);
    expect(text).toContain('Instance-hours × costPerHour');
    expect((await stats.getByRole('row', { name: /^Cost/ }).textContent()) ?? '').toMatch(/\$\d.*\/month/);
    const instances = page.getByRole('img', { name: /^Instances of app: instances \(count\) against simulated time/ });
    await instances.waitFor();
    await expect.poll(() => instances.locator('path.series').count()).toBe(1);
    await shot('detail-view');
    // from the Components table too
    await page.getByRole('tab', { name: 'Components' }).click();
    await page.getByRole('button', { name: 'Details of users' }).click();
    await page.getByRole('table', { name: 'Statistics of users' }).waitFor();
  });

  it('downloads the run as the CLI writes it (CSV, JSON) and each chart as SVG and PNG', async () => {
    const download = async (name: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      return { file: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
    };
    const csv = await download('Download results as CSV');
    expect(csv.file).toBe('run-1-autoscaled-app-under-a-spike.csv');
    const lines = csv.bytes.toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('label,kind,samples,completed,failed,error_rate,throughput_rps,mean_ms,p50_ms,p90_ms,p95_ms,p99_ms,max_ms');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['TOTAL', 'before', 'spike', 'users', 'app']);
    const { analysis, ...json } = JSON.parse((await download('Download results as JSON')).bytes.toString('utf8'));
    const shown = await page.evaluate(() => (document.querySelector('archsim-app') as any).runs.getSnapshot().context.runs.at(-1).result);
    expect(json).toEqual(shown);
    // and, as archsim run --json, its analysis
    expect(analysis.bottleneck.bottleneck).toBe('app');
    expect(analysis.theory.map((t: { id: string }) => t.id)).toEqual(['app']);
    expect(json.summary.cost.perMonth).toBeGreaterThan(0);
    const svgFile = await download('Download Latency over time as SVG');
    expect(svgFile.file).toBe('latency-over-time.svg');
    const svgText = svgFile.bytes.toString('utf8');
    expect(svgText).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('Latency over time');
    expect(svgText).toContain('kill app #1');
    expect(svgText).not.toContain('var(--');
    const png = await download('Download Throughput as PNG');
    expect(png.file).toBe('throughput.png');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('compares with a pinned baseline: arrow is the direction, colour is better or worse for that figure', async () => {
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByRole('button', { name: 'Pin as baseline' }).click();
    await page.getByRole('button', { name: /^Service app/ }).click();
    const workers = page.getByRole('textbox', { name: 'Workers' });
    await workers.fill('8');
    await workers.press('Enter');
    await run();
    const cells = await page.evaluate(() => {
      const results = document.querySelector('archsim-app')!.shadowRoot!.querySelector('archsim-results')!.shadowRoot!;
      return [...results.querySelectorAll('.summary tbody tr')].map((tr) => {
        const td = tr.querySelectorAll('td');
        return { name: tr.querySelector('th')!.textContent!, change: td[2]?.textContent?.trim() ?? '', tone: td[2]?.className ?? '' };
      });
    });
    const get = (n: string) => cells.find((c) => c.name === n)!;
    // more workers: shorter latency (down, better), more answered per second is never worse
    expect(get('p99').change).toMatch(/^▼ −\d/);
    expect(get('p99').tone).toBe('better');
    for (const c of cells) {
      if (!c.tone) continue;
      const isUp = c.change.startsWith('▲');
      expect(c.change.startsWith(isUp ? '▲ +' : '▼ −'), c.name).toBe(true);
      const isWorseUp = c.name !== 'Throughput';
      expect(c.tone, c.name).toBe(isUp === isWorseUp ? 'worse' : 'better');
    }
    // how many requests were issued is neither better nor worse
    expect(get('Requests').tone).toBe('');
    expect(await page.locator('svg.plot path.series.baseline').count()).toBeGreaterThanOrEqual(2);
    const box = await page.evaluate(() => {
      const results = document.querySelector('archsim-app')!.shadowRoot!.querySelector('archsim-results')!.shadowRoot!;
      const last = [...results.querySelectorAll('.summary tr')].at(-1)!.getBoundingClientRect();
      return { bottom: last.bottom, boxBottom: (results.querySelector('.table') as HTMLElement).getBoundingClientRect().bottom };
    });
    expect(box.bottom).toBeLessThanOrEqual(box.boxBottom);
    await shot('comparison');
  });

  it('clears the badges and results when another design opens, and names a comparison across designs', async () => {
    await importText('one-server.yaml', OTHER);
    const app = page.getByRole('button', { name: /^Service app/ });
    expect(await app.getAttribute('aria-label')).not.toMatch(/Utilisation|Queue/);
    expect(await page.locator('g.badge').count()).toBe(0);
    expect(await page.getByText('Press Run to simulate the design.').count()).toBe(1);
    // the emptied time charts label no made-up span on their x axis
    await expect
      .poll(() =>
        page
          .getByRole('img', { name: /^Throughput/ })
          .locator('.axis.x .tick')
          .count(),
      )
      .toBe(0);
    expect(await page.getByRole('combobox', { name: 'Run shown' }).textContent()).toMatch(/\(other design\)/);
    await run();
    expect(
      await page
        .getByRole('note')
        .filter({ hasText: /Baseline of another design: “Autoscaled app under a spike”/ })
        .count(),
    ).toBe(1);
    expect(errors).toEqual([]);
  });
});
