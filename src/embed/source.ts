/**
 * Where an embedded scenario's text comes from: a URL (fetched with a size cap
 * and a timeout) or an inline `<script type="text/yaml">` child (dedented, so
 * authors can indent it with the surrounding HTML).
 */

import { MAX_TEXT } from '../scenario/parse.js';

/** Wall ms to wait for a scenario URL. */
export const FETCH_TIMEOUT_MS = 15_000;

/** Thrown when the scenario text cannot be obtained. */
export class SourceError extends Error {
  override name = 'SourceError';
}

/** The file name a URL ends in, for messages (`mm1.yaml`). */
export const fileName = (url: string): string => decodeURIComponent(url.split(/[?#]/)[0].split('/').pop() || url).slice(0, 80);

/** Removes the indentation common to every non-blank line, and leading/trailing blank lines. */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
  return `${lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n')}\n`;
}

/** Fetches scenario text from `url` (relative to `base`); throws SourceError with a reader-facing reason. */
export async function fetchScenario(url: string, base: string, fetcher: typeof fetch = fetch): Promise<string> {
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    throw new SourceError(`"${url.slice(0, 120)}" is not a URL`);
  }
  if (!/^(https?|blob|data):$/.test(target.protocol)) throw new SourceError(`${target.protocol} URLs are not loaded; use http(s)`);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), FETCH_TIMEOUT_MS);
  try {
    let res: Response;
    try {
      res = await fetcher(target.href, { signal: abort.signal, credentials: 'same-origin' });
    } catch {
      throw new SourceError(
        abort.signal.aborted
          ? `${target.href} did not answer within ${FETCH_TIMEOUT_MS / 1000} s`
          : `could not fetch ${target.href} (offline, or the server does not allow cross-origin requests)`,
      );
    }
    if (!res.ok) throw new SourceError(`${target.href} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    if (Number(res.headers.get('content-length')) > MAX_TEXT)
      throw new SourceError(`${target.href} is larger than ${MAX_TEXT / 1e6} MB; refused`);
    const text = await res.text();
    if (text.length > MAX_TEXT) throw new SourceError(`${target.href} is larger than ${MAX_TEXT / 1e6} MB; refused`);
    return text;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The app URL an embed's "Open in archsim" link goes to: http(s), or relative
 * to the page; `javascript:`, `data:`, `file:` and other schemes throw SourceError.
 * @example appUrl('../app/', 'https://notes.example/week4/') // 'https://notes.example/app/'
 */
export function appUrl(app: string, base: string): string {
  let target: URL;
  try {
    target = new URL(app, base);
  } catch {
    throw new SourceError(`app="${app.slice(0, 120)}" is not a URL`);
  }
  // a relative URL takes the page's own scheme (file: when the notes are opened from disk)
  const isRelative = !URL.canParse(app);
  if (/^https?:$/.test(target.protocol) || (isRelative && target.protocol === new URL(base).protocol)) return target.href.split('#')[0];
  throw new SourceError(`app: ${target.protocol} URLs are not linked; use an http(s) or relative URL`);
}
