/**
 * Variants in Chromium, as a student meets them: for every bundled scenario
 * and each of its variants, choosing it in the Variants panel draws exactly the
 * scenario the loader builds for it (nodes, instance counts, links, latencies),
 * with what the variant adds, changes and removes marked. Then the editing
 * flow: edit a variant, save edits as a variant, and a variant broken by base
 * edits flagged while the base still runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { type App, openApp } from './harness.js';
import { applyVariant, loadScenario, parseScenarioText } from '../../src/scenario/index.js';
import { kinds } from '../../src/kinds/index.js';
import { instanceCount } from '../../src/kinds/define.js';
import { isObject } from '../../src/scenario/is-object.js';

const SHOTS = new URL('../../screenshots/', import.meta.url).pathname;
const DIR = new URL('../../scenarios/', import.meta.url).pathname;
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
let app: App, url: string, page: Page;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations on the page as it is now, one line each. */
async function seriousViolations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  type Violation = { id: string; impact: string; help: string; nodes: { target: unknown[] }[] };
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} — ${JSON.stringify(n.target)}`));
}

type Raw = { components: Record<string, Record<string, unknown>>; links: Record<string, unknown>[] };

/** The variants a student can choose: all but an empty one named "base" (that is the base design). */
function choices(raw: Record<string, unknown>): string[] {
  const v = isObject(raw.variants) ? raw.variants : {};
  return Object.entries(v)
    .filter(([name, p]) => !(/^base$/i.test(name) && isObject(p) && Object.keys(p).length === 0))
    .map(([name]) => name);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const withoutPosition = (c: Record<string, unknown> | undefined) => {
  if (!c) return c;
  const { position: _p, ...rest } = c;
  return rest;
};
const latency = (l: Record<string, unknown>) =>
  typeof l.latency === 'number' ? `${l.latency}ms` : typeof l.latency === 'string' ? l.latency : l.latency ? 'dist' : '';

/**
 * What the page must draw for `variant` ('' = base), computed in Node by the
 * project's loader: node names (kind, label, id, instances) and link names
 * (ends, latency), each with the mark the variant earns against the base.
 */
function expected(text: string, file: string, variant: string) {
  const parsed = parseScenarioText(text, file);
  const base = parsed.raw as Raw;
  const raw = (variant ? applyVariant(parsed.raw, variant) : parsed.raw) as Raw;
  const resolved = loadScenario(text, { file, ...(variant ? { variant } : {}) });
  const nodes = resolved.components.map((c) => {
    const def = kinds[c.kind];
    const n = instanceCount(def, c.params);
    const inBase = Object.hasOwn(base.components, c.id) ? base.components[c.id] : undefined;
    const mark = !variant
      ? ''
      : !inBase
        ? `, added by ${variant}`
        : same(withoutPosition(inBase), withoutPosition(raw.components[c.id]))
          ? ''
          : `, changed by ${variant}`;
    return `${def.label} ${c.label}${c.label === c.id ? '' : ` (${c.id})`}${n > 1 ? `, ${n} instances` : ''}${mark}`;
  });
  const used = new Set<number>();
  const links = raw.links.map((l) => {
    const j = base.links.findIndex((b, k) => !used.has(k) && b.from === l.from && b.to === l.to);
    if (j >= 0) used.add(j);
    const mark = !variant ? '' : j < 0 ? `, added by ${variant}` : same(base.links[j], l) ? '' : `, changed by ${variant}`;
    const lat = latency(l);
    const extra = [typeof l.p === 'number' && l.p < 1 ? `p=${l.p}` : '', Array.isArray(l.routes) ? l.routes.join(' ') : '']
      .filter(Boolean)
      .join(' · ');
    return `Link from ${l.from} to ${l.to}${lat ? `, latency ${lat}` : ''}${extra ? `, ${extra}` : ''}${mark}`;
  });
  const removed = !variant
    ? []
    : [
        ...Object.keys(base.components)
          .filter((id) => !Object.hasOwn(raw.components, id))
          .map((id) => {
            const c = base.components[id];
            const label = typeof c.label === 'string' && c.label ? c.label : id;
            return `Removed by ${variant}: ${kinds[c.kind as string].label} ${label}${label === id ? '' : ` (${id})`}`;
          }),
        ...base.links.filter((_, k) => !used.has(k)).map((l) => `Removed by ${variant}: link from ${l.from} to ${l.to}`),
      ];
  return { nodes: nodes.sort(), links: links.sort(), removed: removed.sort() };
}

const diagram = () => page.getByRole('group', { name: 'Architecture diagram' });
const variantsPanel = () => page.getByRole('radiogroup', { name: 'Variants' });
const names = async (l: Locator) => (await l.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).sort();
/** What the page draws, read by role and accessible name; a change mark keeps only its words "changed by X". */
async function drawn() {
  const buttons = (await names(diagram().getByRole('button'))).map((n) => n.replace(/(, changed by [^:]+): .*$/, '$1'));
  return {
    nodes: buttons.filter((n) => !n.startsWith('Link from')),
    links: buttons.filter((n) => n.startsWith('Link from')),
    removed: await names(diagram().getByRole('img', { name: /^Removed by / })),
  };
}

async function open(file: string): Promise<void> {
  await page.getByLabel('Scenario', { exact: true }).selectOption(file);
  await expect.poll(() => page.getByLabel('Scenario', { exact: true }).inputValue()).toBe(file);
}

async function choose(variant: string): Promise<void> {
  await variantsPanel()
    .getByRole('radio', { name: variant || 'Base design', exact: true })
    .check();
}

beforeAll(async () => {
  ({ page, url } = app = await openApp({ shots: SHOTS, closeStartView: true }));
});

afterAll(async () => {
  await app?.close();
});

describe('variants drawn', () => {
  it('every bundled scenario and each of its variants draws exactly the scenario the loader builds for it', async () => {
    let checked = 0;
    for (const file of FILES) {
      const text = readFileSync(DIR + file, 'utf8');
      await open(file);
      for (const variant of ['', ...choices(parseScenarioText(text, file).raw as Record<string, unknown>)]) {
        await choose(variant);
        const want = expected(text, file, variant);
        await expect.poll(drawn, { timeout: 5000 }).toEqual(want);
        checked++;
      }
    }
    console.log(`scenarios and variants drawn as loaded: ${checked} (${FILES.length} scenarios)`);
    expect(checked).toBeGreaterThan(FILES.length);
  });

  it('cmpe273 lists the base design once; +cache draws Redis, and the screenshot shows the diff', async () => {
    await open('cmpe273-progression.yaml');
    const steps = ['+pool', '+cache', '+kafka', '+lb-1', '+lb-3', '+lb-4'];
    expect(await variantsPanel().getByRole('radio').count()).toBe(1 + steps.length);
    for (const name of ['Base design', ...steps]) expect(await variantsPanel().getByRole('radio', { name, exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Variant', { exact: true }).locator('option').allTextContents()).toEqual(['base', ...steps]);
    await choose('+cache');
    await expect
      .poll(() =>
        diagram()
          .getByRole('button', { name: /^Cache Redis \(redis\), added by \+cache$/ })
          .count(),
      )
      .toBe(1);
    expect(await diagram().getByRole('img', { name: 'Removed by +cache: link from app to db' }).count()).toBe(1);
    expect(await page.getByRole('radiogroup', { name: 'Variants' }).textContent()).toContain('+ redis (cache)');
    await page.screenshot({ path: `${SHOTS}variant-diff-cmpe273-cache.png` });
    await page.locator('archsim-diagram').screenshot({ path: `${SHOTS}variant-diff-cmpe273-cache-diagram.png` });
  });

  it('load-balanced 1-instance draws web with one instance (no ×3), the change named', async () => {
    await open('load-balanced.yaml');
    await choose('1-instance');
    const web = diagram().getByRole('button', { name: /^Service web, changed by 1-instance: instances 3 → 1$/ });
    await expect.poll(() => web.count()).toBe(1);
    expect(await web.textContent()).not.toMatch(/×\d/);
    await page.screenshot({ path: `${SHOTS}variant-diff-load-balanced-1-instance.png` });
    await page.locator('archsim-diagram').screenshot({ path: `${SHOTS}variant-diff-load-balanced-1-instance-diagram.png` });
    await choose('');
    expect(
      await diagram()
        .getByRole('button', { name: /^Service web, 3 instances$/ })
        .textContent(),
    ).toContain('×3');
  });

  it('ec2-vs-lambda lambda draws the serverless function and the API gateway it adds', async () => {
    await open('ec2-vs-lambda.yaml');
    await choose('lambda');
    await expect
      .poll(() =>
        diagram()
          .getByRole('button', {
            name: /^Serverless function Lambda \(Node\.js, 512 MB\) \(api\), changed by lambda: kind service → serverless/,
          })
          .count(),
      )
      .toBe(1);
    expect(
      await diagram()
        .getByRole('button', { name: /^API gateway API Gateway \(REST\) \(gateway\), added by lambda/ })
        .count(),
    ).toBe(1);
    await page.screenshot({ path: `${SHOTS}variant-diff-ec2-vs-lambda.png` });
  });
});

describe('a run belongs to the variant it ran', () => {
  it("+cache's figures are worn by +cache's diagram, not by the base drawn after it", async () => {
    await open('cmpe273-progression.yaml');
    await choose('+cache');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const redis = diagram().getByRole('button', { name: /^Cache Redis \(redis\), added by \+cache, .+/ });
    await expect.poll(() => redis.count(), { timeout: 60_000 }).toBe(1);
    await choose('');
    await expect
      .poll(() =>
        diagram()
          .getByRole('button', { name: /^Service app$/ })
          .count(),
      )
      .toBe(1);
    await choose('+cache');
    await expect.poll(() => redis.count()).toBe(1);
  });
});

describe('editing variants', () => {
  const inspector = () => page.getByRole('complementary', { name: 'Inspector' });
  const status = () => page.getByRole('status').filter({ hasText: /Done|Stopped|Running|failed/ });

  it('an edit made with a variant chosen changes that variant only', async () => {
    await open('load-balanced.yaml');
    await choose('4-instances');
    await diagram()
      .getByRole('button', { name: /^Service web/ })
      .click();
    await expect
      .poll(() => inspector().getByRole('group', { name: 'Editing' }).getByRole('radio', { name: 'variant 4-instances' }).isChecked())
      .toBe(true);
    await inspector().getByLabel('Workers', { exact: true }).fill('16');
    await inspector().getByLabel('Workers', { exact: true }).press('Tab');
    await expect.poll(() => variantsPanel().textContent()).toContain('web.workers 4 → 16');
    // beside each value the variant changes, the base's value
    expect(await inspector().getByText('Base design: 4', { exact: true }).count()).toBe(1);
    expect(await inspector().getByText('Base design: 3', { exact: true }).count()).toBe(1);
    await inspector().screenshot({ path: `${SHOTS}variant-editing.png` });
    // the base keeps its workers: editing the base shows them unchanged
    await inspector().getByRole('group', { name: 'Editing' }).getByRole('radio', { name: 'base design' }).check();
    expect(await inspector().getByLabel('Workers', { exact: true }).inputValue()).not.toBe('16');
    await choose('');
    expect(
      await diagram()
        .getByRole('button', { name: /^Service web, 3 instances$/ })
        .count(),
    ).toBe(1);
  });

  it('renames, copies and deletes a variant; Undo brings a deleted one back', async () => {
    await open('cmpe273-progression.yaml');
    await choose('+cache');
    await page.getByRole('button', { name: 'Rename +cache' }).click();
    await page.getByLabel('New name for +cache').fill('+redis');
    await page.getByLabel('New name for +cache').press('Enter');
    await expect.poll(() => variantsPanel().getByRole('radio', { name: '+redis', exact: true }).isChecked()).toBe(true);
    expect(
      await diagram()
        .getByRole('button', { name: /^Cache Redis \(redis\), added by \+redis$/ })
        .count(),
    ).toBe(1);
    await page.getByRole('button', { name: 'Copy +redis' }).click();
    await expect.poll(() => variantsPanel().getByRole('radio', { name: '+redis copy', exact: true }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Delete +redis copy' }).click();
    await expect.poll(() => variantsPanel().getByRole('radio', { name: 'Base design' }).isChecked()).toBe(true);
    expect(await variantsPanel().getByRole('radio', { name: '+redis copy' }).count()).toBe(0);
    await page.getByRole('banner').getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => variantsPanel().getByRole('radio', { name: '+redis copy', exact: true }).count()).toBe(1);
  });

  it('saves the edits made to the base as a variant, and the base returns to how it was opened', async () => {
    await open('mm1.yaml');
    await diagram()
      .getByRole('button', { name: /^Service app/ })
      .click();
    const workers = inspector().getByLabel('Workers', { exact: true });
    const before = await workers.inputValue();
    await workers.fill('3');
    await workers.press('Tab');
    await page.getByLabel('New variant').fill('3-workers');
    await page.getByRole('button', { name: 'Save my edits to the base as this variant' }).click();
    await expect.poll(() => variantsPanel().getByRole('radio', { name: '3-workers' }).isChecked()).toBe(true);
    expect(await variantsPanel().textContent()).toContain(`app.workers ${before || 'default'} → 3`);
    await choose('');
    await diagram()
      .getByRole('button', { name: /^Service app/ })
      .click();
    expect(await inspector().getByLabel('Workers', { exact: true }).inputValue()).toBe(before);
  });

  it('a variant broken by deleting a base node is flagged with the reason; the base still runs; the variant is refused', async () => {
    await open('cmpe273-progression.yaml');
    await choose('');
    await diagram()
      .getByRole('button', { name: /^Client JMeter/ })
      .focus();
    await page.keyboard.press('Delete');
    await page.getByRole('button', { name: 'Add Client' }).click();
    const client = diagram().getByRole('button', { name: /^Client client$/ });
    await expect.poll(() => client.count()).toBe(1);
    await inspector().getByLabel('Rate', { exact: true }).fill('50/s');
    await inspector().getByLabel('Rate', { exact: true }).press('Tab');
    await inspector().getByLabel('Add a link to').selectOption('app');
    await page.getByLabel('Run duration').fill('2s');
    await page.getByLabel('Run duration').press('Tab');
    await expect.poll(() => variantsPanel().textContent()).toMatch(/No longer applies to the base: .*no component "jmeter"/);
    await page.locator('archsim-variants').screenshot({ path: `${SHOTS}variant-broken-flag.png` });
    // a flagged variant, chosen and compared with the base, in both colour schemes: no serious or critical axe violation
    await choose('+cache');
    expect(await diagram().getByRole('img', { name: 'Removed by +cache: link from app to db' }).count()).toBe(1);
    await diagram()
      .getByRole('button', { name: /^Database MySQL/ })
      .click();
    const theme = page.getByRole('button', { name: /^Colour scheme/ });
    for (const scheme of ['light', 'dark']) {
      await theme.click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
      expect(await seriousViolations()).toEqual([]);
      await page.screenshot({ path: `${SHOTS}variant-flagged-${scheme}.png` });
    }
    await theme.click();
    await choose('');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(async () => (await status().textContent()) ?? '', { timeout: 60_000, interval: 250 }).toMatch(/^Done/);
    expect(await page.getByRole('alert').filter({ hasText: 'cannot run' }).count()).toBe(0);
    await choose('+cache');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'cannot run' }).textContent())
      .toContain('in variant "+cache": links[0].from: no component "jmeter"');
  });
});

describe('the embed', () => {
  it('draws the variant picked, by attribute and by its picker', async () => {
    await page.goto(`${url}embed.html?scenario=load-balanced&variant=1-instance`);
    const web = page.getByRole('button', { name: /^Service web/ });
    await expect.poll(() => web.getAttribute('aria-label')).toBe('Service web, changed by 1-instance: instances 3 → 1');
    await page.getByLabel('Variant', { exact: true }).selectOption('');
    await expect.poll(() => web.getAttribute('aria-label')).toBe('Service web, 3 instances');
    await page.goto(url);
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  });
});
