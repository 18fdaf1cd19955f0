/**
 * Throughput on the page (#11): one definition shared with the CLI — completed ÷
 * the interval measured requests were issued and answered in. A stopped run
 * divides by the simulated time it reached; a closed workload given a duration
 * override reports what it reports without one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, openApp } from './harness.js';

let app: App, page: Page;

const status = () => page.getByRole('status').filter({ hasText: /Done|Stopped|Running|failed/ });
const waitFor = (re: RegExp) =>
  expect.poll(async () => (await status().textContent()) ?? '', { timeout: 120_000, interval: 200 }).toMatch(re);

/** Opens a design from YAML text through the app's import (as a student would, with a file). */
async function importYaml(name: string, text: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/yaml', buffer: Buffer.from(text) });
}

/** The throughput the summary table shows, in req/s. */
async function shownThroughput(): Promise<number> {
  // the row headed Throughput in the run's summary tables
  const row = page
    .getByRole('region', { name: 'Run summary' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /^Throughput/ }) });
  const text = (await row.getByRole('cell').first().textContent()) ?? '';
  const x = Number(text.replace(/[^0-9.]/g, ''));
  expect(x, `throughput cell "${text}"`).toBeGreaterThan(0);
  return x;
}

/** Runs the page keeps. */
const runCount = () => page.evaluate(() => (document.querySelector('archsim-app') as any).runs.getSnapshot().context.runs.length as number);

/** The run shown, as the page holds it. */
const lastRun = () =>
  page.evaluate(() => {
    const app = document.querySelector('archsim-app') as unknown as { runs: { getSnapshot(): { context: { runs: { result: any }[] } } } };
    const r = app.runs.getSnapshot().context.runs.at(-1)!.result;
    return {
      completed: r.summary.completed as number,
      simulatedMs: r.simulatedMs as number,
      throughput: r.summary.throughputRps as number,
    };
  });

beforeAll(async () => {
  // a first visit opens the start view over the design
  ({ page } = app = await openApp({ closeStartView: true }));
});

afterAll(async () => {
  await app?.close();
});

describe('the top bar shows what is drawn and run', () => {
  it('the Variant picker follows the design after a variant was chosen elsewhere', async () => {
    const scenario = page.getByLabel('Scenario', { exact: true });
    const variant = page.getByLabel('Variant', { exact: true });
    await scenario.selectOption('kafka-async.yaml');
    await variant.selectOption('sync');
    await scenario.selectOption('load-balanced.yaml');
    await variant.selectOption('1-instance');
    await scenario.selectOption('kafka-async.yaml');
    // opening a scenario runs its base design: the picker says so (it kept "sync" before)
    await expect.poll(() => variant.inputValue()).toBe('');
    await expect
      .poll(() =>
        page
          .getByRole('radiogroup', { name: 'Variants' })
          .getByRole('radio', { checked: true })
          .getAttribute('aria-label')
          .catch(() => null),
      )
      .not.toBe('sync');
    await variant.selectOption('sync');
    await expect.poll(() => variant.inputValue()).toBe('sync');
  });
});

describe('throughput in the app', () => {
  it('a stopped run shows completed ÷ simulated time reached, not ÷ the planned duration', async () => {
    await importYaml(
      'long.yaml',
      [
        'version: 1',
        'title: A long open run',
        'seed: 3',
        'duration: 24h',
        'components:',
        '  users: { kind: client, rate: 300/s }',
        '  app: { kind: service, workers: 8, serviceTime: exp(5ms) }',
        'links:',
        '  - { from: users, to: app, latency: 1ms }',
        '',
      ].join('\n'),
    );
    await expect.poll(() => page.getByRole('button', { name: /^Service app/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(async () => (await lastRun().catch(() => null))?.simulatedMs ?? 0, { timeout: 60_000 }).toBeGreaterThan(60_000);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await waitFor(/^Stopped/);
    const r = await lastRun();
    const shown = await shownThroughput();
    const expected = (r.completed / r.simulatedMs) * 1000;
    console.log(
      `stopped at ${(r.simulatedMs / 1000).toFixed(1)} s simulated: ${r.completed} completed, shown ${shown}/s, completed ÷ time reached ${expected.toFixed(2)}/s`,
    );
    expect(r.simulatedMs).toBeLessThan(86_400_000);
    expect(Math.abs(shown - expected) / expected).toBeLessThan(0.02);
    // the arrival rate, not a fraction of it (÷ 24 h would show well under 1 req/s)
    expect(Math.abs(shown - 300) / 300).toBeLessThan(0.05);
  });

  it('a closed workload reports the same throughput with a duration override as without', async () => {
    await importYaml(
      'closed.yaml',
      [
        'version: 1',
        'title: Ten users, fifty iterations',
        'seed: 4',
        'components:',
        '  users: { kind: client, users: 10, iterations: 50, thinkTime: exp(20ms) }',
        '  app: { kind: service, workers: 4, serviceTime: exp(8ms) }',
        'links:',
        '  - { from: users, to: app, latency: 2ms }',
        '',
      ].join('\n'),
    );
    await expect.poll(() => page.getByRole('button', { name: /^Service app/ }).count()).toBe(1);
    const runs = await runCount();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(runCount).toBe(runs + 1);
    await waitFor(/^Done/);
    const without = await shownThroughput();
    await page.getByLabel('Run duration').fill('10m');
    await page.getByLabel('Run duration').press('Enter');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(runCount).toBe(runs + 2);
    await waitFor(/^Done/);
    const withOverride = await shownThroughput();
    const r = await lastRun();
    console.log(
      `closed workload: ${without}/s without a duration, ${withOverride}/s with 10m (${r.completed} completed in ${(r.simulatedMs / 1000).toFixed(2)} s)`,
    );
    expect(r.completed).toBe(500);
    expect(Math.abs(withOverride - without) / without).toBeLessThan(0.02);
  });
});
