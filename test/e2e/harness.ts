/**
 * e2e harness: builds dist/ once, serves it under a nested base path (proving
 * the build works from any base path) and launches Debian's Chromium.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BASE = '/course/notes/archsim/';
const ROOT = new URL('../../', import.meta.url).pathname;
/** Where the e2e build goes; E2E_DIST gives parallel sessions their own folder. */
export const DIST = process.env.E2E_DIST ?? join(ROOT, 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.yaml': 'text/yaml',
};

/** Fails with a clear message when Chromium is missing. */
function requireChromium(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(`e2e tests need Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
}

/** Builds the app into dist/ (skipped when E2E_NO_BUILD=1). */
export function build(): void {
  if (process.env.E2E_NO_BUILD === '1' && existsSync(join(DIST, 'index.html'))) return;
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

/** Serves dist/ at BASE on a free port; resolves to the app's URL. */
export async function serve(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(BASE)) return void res.writeHead(404).end('not found');
    let file = normalize(join(DIST, path.slice(BASE.length) || 'index.html'));
    if (!file.startsWith(DIST)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE}`, server };
}

/** Launches headless Chromium with the project's flags. */
export function launch(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What openApp sets up; `close()` closes the browser and the server. */
export interface App {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  url: string;
  server: Server;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** Defaults to 1366×860. */
  viewport?: { width: number; height: number };
  /** Further options of the browser context (e.g. acceptDownloads). */
  context?: BrowserContextOptions;
  /** A script the context runs in every page before the app's own. */
  initScript?: string;
  /** A folder to make for screenshots. */
  shots?: string;
  /** Hooks the page before it goes anywhere; without it, page errors are logged. */
  onPage?: (page: Page) => void;
  /** Go to the app and wait for its Run button. */
  goto?: boolean;
  /** Also close the start view a first visit opens (implies goto). */
  closeStartView?: boolean;
}

/** Builds, serves and launches, then opens one page in a fresh context: the shared setup of the e2e files. */
export async function openApp(opts: OpenAppOptions = {}): Promise<App> {
  if (opts.shots) mkdirSync(opts.shots, { recursive: true });
  build();
  const { url, server } = await serve();
  let browser: Browser;
  try {
    browser = await launch();
  } catch (e) {
    server.close();
    throw e;
  }
  const close = async () => {
    await browser.close();
    server.close();
  };
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1366, height: 860 }, ...opts.context });
  if (opts.initScript) await context.addInitScript(opts.initScript);
  const page = await context.newPage();
  if (opts.onPage) opts.onPage(page);
  else page.on('pageerror', (e) => console.error('page error:', e.message));
  if (opts.goto || opts.closeStartView) {
    await page.goto(url);
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  }
  if (opts.closeStartView && (await page.getByRole('navigation', { name: /archsim/ }).count())) await page.keyboard.press('Escape');
  return { browser, context, page, url, server, close };
}
