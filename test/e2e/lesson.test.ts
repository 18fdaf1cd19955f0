/**
 * The lesson panel as a student, an author and a course-notes reader meet it in
 * Chromium: every bundled scenario's description rendered beside the diagram,
 * collapsed and expanded by keyboard (and remembered), edited as markdown, and
 * hostile markdown neutralised in the app, the iframe page and <archsim-embed>.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { Marked } from 'marked';
import { build, DIST, launch, serve } from './harness.js';
import { encodeShare } from '../../src/state/share.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SHOTS = join(ROOT, 'screenshots/');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser, server: Server, url: string, context: BrowserContext, page: Page;
const errors: string[] = [];
/** The Run button ("▶ Run" in the embed), not the downloads of a run. */
const RUN = /^(▶\s*)?Run$/;
const CMPE273 = 'CMPE 273 class project: Base → +pool → +Redis → +Kafka → ×1/×3/×4 behind a load balancer';

/** The bundled scenarios as the app lists them: title and description. */
const scenarios = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((file) => {
    const doc = parse(readFileSync(join(ROOT, 'scenarios', file), 'utf8'));
    return { file, title: String(doc.title), description: String(doc.description ?? '') };
  });

/** A description as marked renders it, without the sanitiser: what a student should read. */
function expected(markdown: string) {
  const htmlText = new Marked({ gfm: true }).parse(markdown, { async: false });
  const count = (tag: string) => (htmlText.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length;
  const text = htmlText
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return {
    text: text.replace(/\s+/g, ''),
    tags: {
      strong: count('strong'),
      em: count('em'),
      code: count('code'),
      li: count('li'),
      a: count('a'),
      heading: count('h[1-6]'),
    },
  };
}

/** What the lesson panel under `scope` shows: its text (whitespace removed) and the count of each rendered tag. */
function rendered(scope: Locator) {
  return scope.locator('archsim-lesson .markdown').evaluate((el) => {
    const n = (sel: string) => el.querySelectorAll(sel).length;
    return {
      text: (el.textContent ?? '').replace(/\s+/g, ''),
      tags: { strong: n('strong'), em: n('em'), code: n('code'), li: n('li'), a: n('a'), heading: n('h3, h4, h5, h6') },
    };
  });
}

const HOSTILE = `### Hostile lesson

<img src=x onerror="window.__xss='img'">

[click me](javascript:window.__xss='link')

<script>window.__xss='script'</script>

<a href="javascript:window.__xss='a'">raw anchor</a> and <a href="jav&#x09;ascript:window.__xss='entity'">entity anchor</a>

<iframe src="javascript:window.__xss='iframe'"></iframe>

<svg><script>window.__xss='svg'</script><circle onload="window.__xss='svg2'"/></svg>

<p onclick="window.__xss='click'" style="position:fixed;inset:0">covering paragraph</p>

<form action="https://evil.example/"><input name="password"><button>Send</button></form>

[safe link](https://example.com/notes) and **still bold**`;

const hostileDoc = {
  version: 1,
  title: 'Hostile lesson',
  duration: '10s',
  description: HOSTILE,
  components: { users: { kind: 'client', rate: '10/s' }, app: { kind: 'service', workers: 1, serviceTime: 'exp(10ms)' } },
  links: [{ from: 'users', to: 'app' }],
};

/** Everything a hostile description could have smuggled into the panel under `scope`. */
function smuggled(scope: Locator) {
  return scope.locator('archsim-lesson .markdown').evaluate((el) => {
    const all = [...el.querySelectorAll('*')];
    return {
      tags: all
        .map((e) => e.tagName.toLowerCase())
        .filter((t) => ['script', 'iframe', 'svg', 'form', 'input', 'button', 'object', 'embed'].includes(t)),
      handlers: all.flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on') || n === 'style'),
      hrefs: all.filter((e) => e.tagName === 'A').map((a) => a.getAttribute('href') ?? ''),
      safe: all
        .filter((e) => e.tagName === 'A' && e.textContent === 'safe link')
        .map((a) => `${a.getAttribute('target')} ${a.getAttribute('rel')}`),
      bold: [...el.querySelectorAll('strong')].map((s) => s.textContent),
    };
  });
}

/** Asserts the hostile description under `scope` rendered harmlessly, and that clicking its links runs nothing. */
async function expectNeutralised(scope: Locator): Promise<void> {
  const s = await smuggled(scope);
  expect(s.tags).toEqual([]);
  expect(s.handlers).toEqual([]);
  for (const href of s.hrefs) expect(href).not.toMatch(/^\s*(javascript|data|vbscript):/i);
  expect(s.safe).toEqual(['_blank noopener noreferrer']);
  expect(s.bold).toEqual(['still bold']);
  for (const text of ['click me', 'raw anchor', 'entity anchor']) await scope.locator('archsim-lesson .markdown').getByText(text).click();
  await scope.locator('archsim-lesson .markdown').getByText('covering paragraph').click();
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
}

/** Opens the app fresh and closes the start view if it is shown. */
async function openApp(path = ''): Promise<void> {
  await page.goto(`${url}${path}`);
  await page.getByRole('button', { name: RUN }).waitFor();
  if (await page.locator('archsim-gallery').isVisible()) {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('archsim-gallery').isVisible()).toBe(false);
  }
}

const lessonRegion = () => page.getByRole('region', { name: 'Lesson' });
const toggle = (scope: Locator | Page = page) => scope.getByRole('button', { name: 'Lesson', exact: true });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  build();
  writeFileSync(
    join(DIST, 'e2e-lesson-notes.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Week 3: queues</title>
<script type="module" src="./archsim-embed.js"></script>
<style>body { font: 16px/1.6 Georgia, serif; max-width: 760px; margin: 24px auto; padding: 0 16px; color: #222; }</style></head>
<body><h1>Week 3: one busy server</h1>
${[
  ['open', 'lesson'],
  ['collapsed', 'lesson="collapsed"'],
  ['none', ''],
]
  .map(
    ([id, attrs]) => `<archsim-embed id="${id}" ${attrs} height="560" readonly>
  <script type="text/yaml">
    version: 1
    title: One busy server
    duration: 20s
    description: |
      ### What it teaches
      A single worker at **80 % busy**: the *p99* is about five times the mean.
      1. Press **Run**.
      2. Read the Summary's \`p99\` row.
    components:
      users: { kind: client, rate: 80/s }
      app: { kind: service, workers: 1, serviceTime: exp(10ms) }
    links:
      - { from: users, to: app }
  </script>
</archsim-embed>`,
  )
  .join('\n')}
<archsim-embed id="hostile" lesson height="560"></archsim-embed>
</body></html>`,
  );
  ({ url, server } = await serve());
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the lesson panel in Chromium', () => {
  it('shows every bundled scenario’s description beside the diagram, rendered from markdown', async () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(16);
    await openApp();
    for (const s of scenarios) {
      await page.getByLabel('Scenario', { exact: true }).selectOption({ label: s.title });
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(s.title);
      expect(await toggle().getAttribute('aria-expanded'), s.file).toBe('true');
      const want = expected(s.description);
      const got = await rendered(page.locator('body'));
      expect(got.text, s.file).toBe(want.text);
      expect(got.tags, s.file).toEqual(want.tags);
      // rendered, not raw: emphasis or headings present, no markdown markers left in the text
      expect(got.tags.strong + got.tags.em + got.tags.heading, s.file).toBeGreaterThan(0);
      expect(got.text, s.file).not.toMatch(/\*\*|__|^#|\]\(/);
      // beside the diagram, not over it
      const panel = (await page.locator('archsim-lesson').boundingBox())!,
        diagram = (await page.locator('archsim-diagram').boundingBox())!;
      expect(panel.x, s.file).toBeGreaterThanOrEqual(diagram.x + diagram.width - 1);
    }
    expect(errors).toEqual([]);
  });

  it('collapses and expands by keyboard, and remembers it', async () => {
    await openApp();
    await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'M/M/1: one server, random arrivals' });
    const diagramWidth = async () => (await page.locator('archsim-diagram').boundingBox())!.width;
    const lessonHeight = async () => (await page.locator('archsim-lesson').boundingBox())!.height;
    const openWidth = await diagramWidth(),
      openHeight = await lessonHeight();
    await toggle().focus();
    await page.keyboard.press('Enter');
    expect(await toggle().getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('archsim-lesson .markdown').count()).toBe(0);
    // the room goes back: to the diagram, or — when the scenario has goals beside it — to the goals above the lesson
    if ((await page.getByRole('region', { name: 'Goals' }).count()) === 0) expect(await diagramWidth()).toBeGreaterThan(openWidth + 200);
    else expect(await lessonHeight()).toBeLessThan(openHeight - 100);
    await page.screenshot({ path: `${SHOTS}lesson-collapsed.png` });
    await page.reload();
    await toggle().waitFor();
    // the reloaded page has restored the design before the toggle is used
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('M/M/1');
    expect(await toggle().getAttribute('aria-expanded')).toBe('false');
    await toggle().focus();
    await page.keyboard.press(' ');
    await expect.poll(() => toggle().getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.locator('archsim-lesson .markdown').isVisible()).toBe(true);
    expect(await toggle().evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.reload();
    await toggle().waitFor();
    expect(await toggle().getAttribute('aria-expanded')).toBe('true');
  });

  it('lets an author edit the markdown: Edit shows the source, leaving it renders it, Ctrl+Z undoes', async () => {
    await openApp();
    await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'M/M/1: one server, random arrivals' });
    const before = (await rendered(page.locator('body'))).text;
    const edit = lessonRegion().getByRole('button', { name: 'Edit' });
    await edit.click();
    expect(await edit.getAttribute('aria-pressed')).toBe('true');
    const source = page.getByRole('textbox', { name: 'Lesson text (markdown)' });
    expect(await source.inputValue()).toBe(scenarios.find((s) => s.file === 'mm1.yaml')!.description);
    await source.fill('### Try this\n\nRaise the rate to **90/s** and press *Run*.');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => rendered(page.locator('body')))
      .toEqual({
        text: 'TrythisRaisetherateto90/sandpressRun.',
        tags: { strong: 1, em: 1, code: 0, li: 0, a: 0, heading: 1 },
      });
    expect(await edit.evaluate((el) => el.matches(':focus'))).toBe(true);
    // the inspector's scenario form opens the same editor
    await page.getByRole('button', { name: 'Edit the lesson' }).click();
    await expect.poll(() => source.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await rendered(page.locator('body'))).text).toBe(before);
  });

  it('neutralises hostile markdown in the app (a shared link), and the editor shows it as text', async () => {
    await openApp(`#design=${await encodeShare(hostileDoc)}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Hostile lesson');
    await expectNeutralised(page.locator('archsim-app'));
    await lessonRegion().getByRole('button', { name: 'Edit' }).click();
    expect(await page.getByRole('textbox', { name: 'Lesson text (markdown)' }).inputValue()).toContain(
      "<script>window.__xss='script'</script>",
    );
    expect(errors).toEqual([]);
  });

  it('passes axe (WCAG 2 A/AA) in the light and the dark scheme', async () => {
    await openApp();
    await page.getByLabel('Scenario', { exact: true }).selectOption({ label: CMPE273 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const lesson = document.querySelector('archsim-app')!.shadowRoot!.querySelector('archsim-lesson')!;
        const axe = (
          window as unknown as { axe: { run: (n: Node, o: object) => Promise<{ violations: { id: string; impact: string }[] }> } }
        ).axe;
        const r = await axe.run(lesson, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
        return r.violations.map((v) => `${v.impact}: ${v.id}`);
      });
      expect(violations, scheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('screenshots: the app at 1366×860 with a bundled scenario run, light and dark', async () => {
    await openApp();
    await page.getByLabel('Scenario', { exact: true }).selectOption({ label: CMPE273 });
    await page.getByRole('button', { name: RUN }).click();
    await expect
      .poll(
        async () =>
          (await page
            .getByRole('status')
            .filter({ hasText: /Done|failed/ })
            .count()) > 0,
        { timeout: 120_000 },
      )
      .toBe(true);
    await page.screenshot({ path: `${SHOTS}lesson-panel.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}lesson-panel-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

/**
 * What each lesson tells a student to look at, by file: the variant to run, the node to
 * select, the statistics its Component tab must show, and the badge on that node.
 */
const LOOK_AT: { file: string; variant: string; node: string; stats: string[]; badge?: RegExp }[] = [
  { file: 'mm1.yaml', variant: '', node: 'app', stats: [], badge: /^busy \d+%$/ },
  { file: 'load-balanced.yaml', variant: '1-instance', node: 'web', stats: [], badge: /^busy (8|9)\d%$/ },
  { file: 'autoscaling.yaml', variant: '', node: 'app', stats: ['Instances', 'Peak instances', 'Rejected'] },
  { file: 'cdn-offload.yaml', variant: '+cdn', node: 'edge', stats: ['Hit ratio', 'Origin requests', 'Bytes offloaded'] },
  { file: 'cmpe273-progression.yaml', variant: '+cache', node: 'redis', stats: [], badge: /^hit \d+%$/ },
  { file: 'read-replicas.yaml', variant: '+replicas', node: 'db', stats: ['Stale reads', 'Stale read ratio'] },
  { file: 'sharding-hot-key.yaml', variant: '', node: 'db', stats: ['Utilisation per shard'] },
  { file: 'kafka-async.yaml', variant: '', node: 'orders', stats: ['Backlog', 'End-to-end time'] },
  { file: 'pubsub-vs-queue.yaml', variant: '', node: 'orderPlaced', stats: ['Published', 'Delivered', 'Lost'], badge: /^lost 3,\d{3}$/ },
  {
    file: 'ec2-vs-lambda.yaml',
    variant: 'lambda',
    node: 'api',
    stats: ['Cold starts', 'Cold-start time', 'Peak instances', 'Billed GB-seconds'],
  },
  { file: 'serverless-cost.yaml', variant: 'steady', node: 'fn', stats: ['Billed GB-seconds', 'Cold starts'] },
  { file: 'health-checks.yaml', variant: 'health-check', node: 'lb', stats: ['Marked unhealthy', 'Share per backend'] },
  { file: 'dns-ttl-failover.yaml', variant: '', node: 'dns', stats: ['Lookups', 'Cached answers'] },
  { file: 'monolith-crash.yaml', variant: '', node: 'app', stats: ['Crashes'] },
  { file: 'rate-limiting.yaml', variant: '', node: 'limiter', stats: ['Admitted', 'Throttled share'], badge: /^throttled 2,\d{3}$/ },
];

describe('what the lessons point at', () => {
  it('every statistic a lesson names is in the Component tab of the node it names, and its badge reads as the lesson says', async () => {
    await openApp();
    for (const look of LOOK_AT) {
      const s = scenarios.find((x) => x.file === look.file)!;
      const lesson = s.description.replace(/\s+/g, ' ');
      for (const stat of look.stats) expect(lesson, look.file).toContain(`*${stat}*`);
      await page.getByLabel('Scenario', { exact: true }).selectOption({ label: s.title });
      // opening a scenario resets the variant to its base design
      if (look.variant) await page.getByLabel('Variant', { exact: true }).selectOption(look.variant);
      await page.getByRole('button', { name: RUN }).click();
      await page.getByRole('status').filter({ hasText: /^Done/ }).waitFor({ timeout: 120_000 });
      await page.locator(`g.node[data-id="${look.node}"]`).first().click();
      await page.getByRole('tab', { name: `Component: ${look.node}` }).click();
      for (const stat of look.stats)
        expect(
          await page
            .locator('archsim-results')
            .getByText(new RegExp(`^${stat}`))
            .count(),
          `${look.file}: ${stat}`,
        ).toBeGreaterThan(0);
      if (look.badge) {
        const texts = await page.locator('archsim-diagram svg text').allTextContents();
        expect(
          texts.some((t) => look.badge!.test(t)),
          `${look.file}: ${texts.join(', ')}`,
        ).toBe(true);
      }
    }
  });
});

describe('the lesson in the embed', () => {
  it('the iframe page shows the lesson with ?lesson, collapsed with ?lesson=collapsed, none without', async () => {
    const mm1 = scenarios.find((s) => s.file === 'cmpe273-progression.yaml')!;
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(`${url}embed.html?scenario=cmpe273-progression&lesson`);
    await toggle().waitFor();
    expect(await toggle().getAttribute('aria-expanded')).toBe('true');
    expect(await rendered(page.locator('body'))).toEqual(expected(mm1.description));
    expect(await lessonRegion().getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await page.getByRole('button', { name: RUN }).click();
    await expect
      .poll(
        async () =>
          (await page
            .getByRole('status')
            .filter({ hasText: /Done|failed/ })
            .count()) > 0,
        { timeout: 120_000 },
      )
      .toBe(true);
    await page.screenshot({ path: `${SHOTS}embed-lesson.png` });
    await page.goto(`${url}embed.html?scenario=cmpe273-progression&lesson=collapsed`);
    await toggle().waitFor();
    expect(await toggle().getAttribute('aria-expanded')).toBe('false');
    await page.goto(`${url}embed.html?scenario=cmpe273-progression`);
    await page.getByRole('button', { name: RUN }).waitFor();
    expect(await page.locator('archsim-lesson').count()).toBe(0);
  });

  it('<archsim-embed lesson> shows it, lesson="collapsed" opens by keyboard, no attribute shows none', async () => {
    await page.goto(`${url}e2e-lesson-notes.html`);
    const open = page.locator('#open'),
      collapsed = page.locator('#collapsed'),
      none = page.locator('#none');
    await toggle(open).waitFor();
    expect(await toggle(open).getAttribute('aria-expanded')).toBe('true');
    expect(await rendered(open)).toEqual({
      text: "WhatitteachesAsingleworkerat80%busy:thep99isaboutfivetimesthemean.PressRun.ReadtheSummary'sp99row.",
      tags: { strong: 2, em: 1, code: 1, li: 2, a: 0, heading: 1 },
    });
    expect(await toggle(collapsed).getAttribute('aria-expanded')).toBe('false');
    await toggle(collapsed).focus();
    await page.keyboard.press('Enter');
    expect(await toggle(collapsed).getAttribute('aria-expanded')).toBe('true');
    expect((await rendered(collapsed)).tags.strong).toBe(2);
    await page.keyboard.press('Enter');
    expect(await toggle(collapsed).getAttribute('aria-expanded')).toBe('false');
    await none.getByRole('button', { name: RUN }).waitFor();
    expect(await none.locator('archsim-lesson').count()).toBe(0);
    await open.screenshot({ path: `${SHOTS}embed-lesson-notes.png` });
  });

  it('neutralises hostile markdown in <archsim-embed> (set by script) and on the iframe page (a shared link)', async () => {
    await page.goto(`${url}e2e-lesson-notes.html`);
    const { stringify } = await import('yaml');
    await page.evaluate((text) => {
      (document.querySelector('#hostile') as HTMLElement & { yaml: string }).yaml = text;
    }, stringify(hostileDoc));
    const hostile = page.locator('#hostile');
    await toggle(hostile).waitFor();
    await expectNeutralised(hostile);
    await page.goto(`${url}embed.html?lesson#design=${await encodeShare(hostileDoc)}`);
    await toggle().waitFor();
    await expectNeutralised(page.locator('archsim-embed'));
    expect(errors).toEqual([]);
  });
});
