/**
 * A static file server for the embedding examples: URL prefixes mapped to
 * folders (a course site, a CDN path), optionally sending CORS headers as a
 * CDN does, and logging what it served.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.yaml': 'text/yaml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
};

/** What a static server serves: `routes` maps a URL prefix ("/notes/") to a folder, longest prefix first. */
export interface StaticSite {
  routes: Record<string, string>;
  /** Send `Access-Control-Allow-Origin: *`, as a CDN does. */
  cors?: boolean;
  /** Paths answered 404 although their file exists (a file missing from a deployment). */
  missing?: RegExp;
}

/** A running static server: its origin ("http://127.0.0.1:PORT"), the paths it answered, and close(). */
export interface StaticServer {
  origin: string;
  served: string[];
  server: Server;
  close(): void;
}

/** The file `path` names under `routes`, or undefined when no route holds it. */
function fileFor(routes: [string, string][], path: string): string | undefined {
  for (const [prefix, dir] of routes) {
    if (!path.startsWith(prefix)) continue;
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(normalize(dir))) return undefined;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    return existsSync(file) ? file : undefined;
  }
  return undefined;
}

/** Serves `site` on a free port of 127.0.0.1. */
export async function serveStatic(site: StaticSite): Promise<StaticServer> {
  const routes = Object.entries(site.routes).sort(([a], [b]) => b.length - a.length);
  const served: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const headers: Record<string, string> = site.cors ? { 'access-control-allow-origin': '*' } : {};
    const file = site.missing?.test(path) ? undefined : fileFor(routes, path);
    if (!file) return void res.writeHead(404, headers).end('not found');
    served.push(path);
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, served, server, close: () => server.close() };
}
