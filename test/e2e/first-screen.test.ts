/**
 * The first screen and the page's frame, as a student meets them in Chromium at
 * 1366×860: the start view (scenarios by topic, what to do), New design, the
 * "(edited)" marker and the Undo offered when an edited design is replaced, a
 * top bar that never wraps, diagrams that fit, and the keyboard (Run/Stop keeps
 * focus, nodes before links, a focus ring unlike the load colours, named icon buttons).
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, openApp } from './harness.js';
import { bundled, TOPICS } from '../../src/ui/bundled.js';

const SHOTS = new URL('../../screenshots/', import.meta.url).pathname;
const SCENARIOS = new URL('../../scenarios/', import.meta.url).pathname;
let app: App, url: string, page: Page;
const errors: string[] = [];

const scenarioSelect = () => page.getByLabel('Scenario', { exact: true });
const gallery = () => page.getByRole('navigation', { name: /archsim: watch a system design under load/ });
const heading = () => page.getByRole('heading', { level: 1 });
const status = () => page.getByRole('status').filter({ hasText: /^(Done|Stopped|Running|Run failed)/ });

/** The element that has keyboard focus, looking inside shadow roots: its accessible name as the page gives it. */
const focused = () =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return '';
    const shown = a.cloneNode(true) as Element;
    for (const hidden of shown.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return (a.getAttribute('aria-label') ?? shown.textContent ?? '').trim();
  });

beforeAll(async () => {
  ({ page, url } = app = await openApp({ shots: SHOTS, onPage: (p) => p.on('pageerror', (e) => errors.push(e.message)) }));
});

afterAll(async () => {
  await app?.close();
});

describe('the first screen', () => {
  it('says what archsim is for and what to do, and lists every bundled scenario by topic in course order', async () => {
    await page.goto(url);
    await gallery().waitFor();
    const intro = (await page.getByText(/archsim simulates/).textContent()) ?? '';
    expect(intro).toMatch(/Pick a scenario.*press Run.*watch latency/s);
    const topics = await gallery().getByRole('heading', { level: 3 }).allTextContents();
    expect(topics).toEqual(TOPICS.map((t, i) => `${i + 1}. ${t}`));
    const items = gallery().getByRole('button');
    expect(bundled.length).toBe(readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml')).length);
    expect(await items.count()).toBe(bundled.length);
    expect(await items.first().textContent()).toMatch(/^\s*M\/M\/1: one server, random arrivals\s*One server at 80 % busy/);
    // course order, basics first: never the "+Kafka…" title that sorted first before
    const titles = await gallery().locator('.t').allTextContents();
    expect(titles).toEqual(bundled.map((b) => b.title));
    // nothing of the start view is cut off at 1366×860
    const view = (await page.locator('archsim-gallery').boundingBox())!;
    const last = (await items.last().boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(view.y + view.height);
    // … without scrolling: neither the view nor the page has anything below the fold
    expect(await page.locator('archsim-gallery').evaluate((g) => g.scrollHeight <= g.clientHeight)).toBe(true);
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight)).toBe(true);
    await page.screenshot({ path: `${SHOTS}gallery.png` });
    expect(errors).toEqual([]);
  });

  it('is keyboard usable: arrows move through the scenarios, Enter opens one and focus goes to Run', async () => {
    await gallery().getByRole('button').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatch(/^JMeter-style load test/);
    await page.keyboard.press('End');
    expect(await focused()).toMatch(/^Rate limiting/);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => gallery().count()).toBe(0);
    expect(await heading().textContent()).toBe('Retry storm after a slowdown');
    expect(await focused()).toBe('Run');
  });

  it('comes back from the Scenarios button with focus on the open scenario; Esc closes it and gives focus back', async () => {
    await page.getByRole('button', { name: 'Scenarios' }).click();
    await gallery().waitFor();
    expect(await focused()).toMatch(/^Retry storm after a slowdown/);
    await page.keyboard.press('Escape');
    await expect.poll(() => gallery().count()).toBe(0);
    expect(await focused()).toBe('Scenarios');
  });
});

describe('edits are marked and never dropped silently', () => {
  it('marks the title "(edited)" after an edit, and not after undoing it', async () => {
    await scenarioSelect().selectOption({ label: 'M/M/1: one server, random arrivals' });
    await expect.poll(() => heading().textContent()).toBe('M/M/1: one server, random arrivals');
    await page.getByRole('button', { name: 'Add Cache' }).click();
    await expect.poll(() => heading().textContent()).toBe('M/M/1: one server, random arrivals (edited)');
    expect(await scenarioSelect().locator('option:checked').textContent()).toBe('M/M/1: one server, random arrivals (edited)');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => heading().textContent()).toBe('M/M/1: one server, random arrivals');
  });

  it('picking another scenario when edited offers Undo, which brings the edited design back', async () => {
    await page.getByRole('button', { name: 'Add Cache' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Cache cache/ }).count()).toBe(1);
    await scenarioSelect().selectOption({ label: 'Sharding — uniform vs skewed keys over 4 shards' });
    const notice = page.getByRole('status').filter({ hasText: 'Undo brings it back' });
    await expect
      .poll(async () => (await notice.textContent()) ?? '')
      .toMatch(/"M\/M\/1: one server, random arrivals" \(edited\) was closed/);
    expect(await page.getByRole('button', { name: /^Cache cache/ }).count()).toBe(0);
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => heading().textContent()).toBe('M/M/1: one server, random arrivals (edited)');
    expect(await page.getByRole('button', { name: /^Cache cache/ }).count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: '"M/M/1: one server, random arrivals" is back.' }).count()).toBe(1);
  });

  it('New design (from the Scenarios view) starts an empty canvas, offering Undo for the edited one, and focuses the palette', async () => {
    await page.getByRole('button', { name: 'Scenarios' }).click();
    await page.getByRole('button', { name: 'New design' }).click();
    await expect.poll(() => heading().textContent()).toBe('Untitled design');
    expect(await page.getByRole('button', { name: /^(Service|Client|Cache) / }).count()).toBe(0);
    expect(await page.getByText(/An empty canvas/).count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'Undo brings it back' }).count()).toBe(1);
    expect(await focused()).toBe('Add Client');
    // an unedited bundled scenario is replaced without a notice: it is one click away
    await scenarioSelect().selectOption({ label: 'M/M/1: one server, random arrivals' });
    await scenarioSelect().selectOption({ label: 'Sharding — uniform vs skewed keys over 4 shards' });
    await expect.poll(() => heading().textContent()).toBe('Sharding — uniform vs skewed keys over 4 shards');
    expect(await page.getByRole('status').filter({ hasText: 'Undo brings it back' }).count()).toBe(0);
  });
});

type Box = { x: number; y: number; w: number; h: number };

/** Boxes of the top bar, the title, the diagram's view and its nodes' parts, in page pixels. */
function measureLayout() {
  const box = (e: Element): Box => {
    const r = e.getBoundingClientRect();
    return { x: r.left, y: r.top, w: r.width, h: r.height };
  };
  const app = document.querySelector('archsim-app')!.shadowRoot!;
  const header = app.querySelector('header')!;
  const items = [...header.children].filter((c) => (c as HTMLElement).offsetParent !== null).map(box);
  const diagram = app.querySelector('archsim-diagram')!.shadowRoot!;
  const canvas = box(diagram.querySelector('svg.canvas')!);
  const zoom = Number(/scale\(([\d.]+)\)/.exec(diagram.querySelector('g.viewport')!.getAttribute('transform') ?? '')?.[1] ?? 1);
  const nodes = [...diagram.querySelectorAll('g.node')].map((n) => ({
    id: (n as SVGGElement).dataset.id!,
    box: box(n.querySelector('rect.box')!),
    texts: [...n.querySelectorAll('text.label, text.kind')].map(box),
  }));
  const linkLabels = [...diagram.querySelectorAll('g.link text.latency')].map((t) => ({ text: t.textContent ?? '', box: box(t) }));
  return {
    linkLabels,
    header: { ...box(header), scrollWidth: header.scrollWidth, clientWidth: header.clientWidth },
    items,
    title: box(app.querySelector('h1')!),
    tools: box(diagram.querySelector('.tools')!),
    canvas,
    zoom,
    nodes,
    viewportWidth: innerWidth,
  };
}

describe('imports and shared links never drop an edited design either', () => {
  it('importing a file in place of an edited design says so and offers Undo', async () => {
    await page.getByRole('button', { name: 'Add Cache' }).click();
    await expect.poll(() => heading().textContent()).toMatch(/\(edited\)$/);
    const yaml =
      'version: 1\ntitle: Mine\nduration: 1m\ncomponents:\n  users: { kind: client, rate: 10/s }\n  app: { kind: service }\nlinks:\n  - { from: users, to: app }\n';
    await page.locator('input[type=file]').setInputFiles({ name: 'mine.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
    await expect.poll(() => heading().textContent()).toBe('Mine');
    const notice = page.getByRole('status').filter({ hasText: 'Imported mine.yaml.' });
    expect(await notice.textContent()).toMatch(
      /"Sharding — uniform vs skewed keys over 4 shards" \(edited\) was closed\. Undo brings it back\./,
    );
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => heading().textContent()).toBe('Sharding — uniform vs skewed keys over 4 shards (edited)');
    // the imported design, unedited, was not bundled: bringing Sharding back offers Mine back in turn
    expect(await page.getByRole('status').filter({ hasText: '"Mine" was closed. Undo brings it back.' }).count()).toBe(1);
  });
});

describe('the layout at 1366×860', () => {
  it.each(bundled.map((b) => [b.title]))(
    '%s: one-row top bar, title clear of the tools, nodes and labels inside, no link label over a node',
    async (title) => {
      await scenarioSelect().selectOption({ label: title });
      await expect.poll(() => heading().textContent()).toMatch(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      await page.waitForTimeout(150);
      const m = await page.evaluate(measureLayout);
      // the top bar is one row: every control centred on the same line, none past the right edge, nothing scrolled
      const centres = new Set(m.items.map((b) => Math.round(b.y + b.h / 2)));
      expect(centres.size, `top bar rows for ${title}`).toBe(1);
      expect(Math.max(...m.items.map((b) => b.x + b.w))).toBeLessThanOrEqual(m.viewportWidth);
      expect(m.header.scrollWidth).toBeLessThanOrEqual(m.header.clientWidth);
      // the title over the diagram never runs under the zoom tools
      expect(m.title.x + m.title.w).toBeLessThanOrEqual(m.tools.x);
      // never enlarged past 1×; every node inside the view; every name and kind inside its box
      expect(m.zoom).toBeLessThanOrEqual(1);
      for (const n of m.nodes) {
        expect(n.box.x, n.id).toBeGreaterThanOrEqual(m.canvas.x);
        expect(n.box.y, n.id).toBeGreaterThanOrEqual(m.canvas.y);
        expect(n.box.x + n.box.w, n.id).toBeLessThanOrEqual(m.canvas.x + m.canvas.w);
        expect(n.box.y + n.box.h, n.id).toBeLessThanOrEqual(m.canvas.y + m.canvas.h);
        for (const t of n.texts) expect(t.x + t.w, `label of ${n.id}`).toBeLessThanOrEqual(n.box.x + n.box.w + 0.5);
      }
      // no link's label lies over a node's box
      const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      for (const l of m.linkLabels) for (const n of m.nodes) expect(overlaps(l.box, n.box), `"${l.text}" over ${n.id}`).toBe(false);
      if (title.startsWith('EC2 vs Lambda')) await page.screenshot({ path: `${SHOTS}first-screen-two-nodes.png` });
      if (title === bundled.reduce((a, b) => (b.title.length > a.title.length ? b : a)).title)
        await page.screenshot({ path: `${SHOTS}top-bar-longest-title.png`, clip: { x: 0, y: 0, width: 1366, height: 120 } });
    },
  );

  it('adding nodes keeps every node in view (the diagram refits when one would fall outside)', async () => {
    await scenarioSelect().selectOption({ label: 'Horizontal scaling behind a load balancer' });
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Add Service' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Service service-5/ }).count()).toBe(1);
    await page.waitForTimeout(150);
    const m = await page.evaluate(measureLayout);
    expect(m.nodes.length).toBe(9);
    for (const n of m.nodes) {
      expect(n.box.y, n.id).toBeGreaterThanOrEqual(m.canvas.y);
      expect(n.box.y + n.box.h, n.id).toBeLessThanOrEqual(m.canvas.y + m.canvas.h);
      expect(n.box.x + n.box.w, n.id).toBeLessThanOrEqual(m.canvas.x + m.canvas.w);
    }
    await page.screenshot({ path: `${SHOTS}first-screen-added-nodes.png` });
  });
});

describe('the keyboard', () => {
  it('keeps focus on the Run/Stop button: Stop while running, Run again when done', async () => {
    await scenarioSelect().selectOption({ label: 'M/M/1: one server, random arrivals' });
    await page.getByLabel('Run duration').fill('100h');
    await page.getByRole('button', { name: 'Run', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Stop');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await status().textContent()) ?? '', { timeout: 30_000 }).toMatch(/^Stopped/);
    expect(await focused()).toBe('Run');
    // a run that ends by itself gives focus back to Run as well
    await page.getByLabel('Run duration').fill('1m');
    await page.getByRole('button', { name: 'Run', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await status().textContent()) ?? '', { timeout: 60_000 }).toMatch(/^Done/);
    expect(await focused()).toBe('Run');
  });

  it('reaches the nodes before the links with Tab', async () => {
    await scenarioSelect().selectOption({ label: 'Horizontal scaling behind a load balancer' });
    await page.getByRole('button', { name: /^Client users/ }).focus();
    const names: string[] = [(await focused()) ?? ''];
    // 4 components, then their 3 links
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      names.push(await focused());
    }
    const firstLink = names.findIndex((n) => n.startsWith('Link from'));
    expect(firstLink).toBe(4);
    expect(names.slice(0, 4).every((n) => !n.startsWith('Link from'))).toBe(true);
    expect(names.slice(4).every((n) => n.startsWith('Link from'))).toBe(true);
  });

  it('draws the node focus ring outside the box in a colour none of the load colours use', async () => {
    await page.getByRole('button', { name: /^Client users/ }).focus();
    await page.keyboard.press('Tab');
    const colours = await page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      const ring = getComputedStyle(a!.querySelector('rect.ring')!);
      const root = getComputedStyle(a!.closest('.wrap') ?? document.documentElement);
      const probe = (v: string) => {
        const el = document.createElement('span');
        el.style.color = `var(${v})`;
        document.body.append(el);
        const c = getComputedStyle(el).color;
        el.remove();
        return c;
      };
      return { ring: ring.stroke, dash: ring.strokeDasharray, box: root.color, load: ['--ok', '--warm', '--hot', '--focus'].map(probe) };
    });
    expect(colours.ring).not.toBe('none');
    expect(colours.dash).not.toBe('none');
    for (const c of colours.load) expect(colours.ring).not.toBe(c);
  });

  it('names every icon button and says in its title what it does', async () => {
    const buttons = await page.evaluate(() => {
      const app = document.querySelector('archsim-app')!.shadowRoot!;
      const diagram = app.querySelector('archsim-diagram')!.shadowRoot!;
      return [...app.querySelectorAll('header button'), ...diagram.querySelectorAll('.tools button')].map((b) => ({
        name: (b.getAttribute('aria-label') ?? b.textContent ?? '').trim(),
        title: b.getAttribute('title') ?? '',
        text: (b.textContent ?? '').trim(),
      }));
    });
    expect(buttons.length).toBeGreaterThanOrEqual(12);
    for (const b of buttons) {
      expect(b.name, JSON.stringify(b)).toMatch(/[A-Za-z]{3}/);
      expect(b.title.length, JSON.stringify(b)).toBeGreaterThan(6);
    }
    expect(buttons.find((b) => b.name === 'Animate requests')?.title).toMatch(
      /^Animate requests travelling the links during a run: (on|off)/,
    );
    expect(buttons.find((b) => b.name.startsWith('Colour scheme'))?.title).toMatch(/^Colour scheme: .*\. Click for /);
  });
});

describe('messages in the browser', () => {
  it('refuses a run too large with advice for the page, not the CLI flag', async () => {
    await scenarioSelect().selectOption({ label: 'M/M/1: one server, random arrivals' });
    await page.getByLabel('Run duration').fill('100000h');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Run refused as too large' });
    await expect.poll(async () => (await alert.textContent()) ?? '').toMatch(/Shorten the duration or lower the load\.$/);
    expect(await alert.textContent()).not.toMatch(/--max-events/);
    await page.getByLabel('Run duration').fill('');
    expect(errors).toEqual([]);
  });
});

describe('the embed', () => {
  it('keeps focus on its Run/Stop button too', async () => {
    await page.goto(`${url}embed.html?scenario=mm1&duration=100h`);
    await page.getByRole('button', { name: 'Run', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Stop');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await status().textContent()) ?? '', { timeout: 30_000 }).toMatch(/^Stopped/);
    expect(await focused()).toBe('Run');
  });
});
