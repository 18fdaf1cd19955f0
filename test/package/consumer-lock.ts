/**
 * A lockfile for an empty folder that will install archsim's tarball: archsim's
 * runtime dependencies (and theirs) at the versions and integrities of the
 * repository's package-lock.json. npm then installs them from its cache, which
 * `npm ci` filled, with no registry request: a plain `npm install --offline
 * archsim.tgz` would first ask the registry which versions exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  version: string;
  dependencies?: Record<string, string>;
  [field: string]: unknown;
}

/** The lockfile (version 3) of a consumer folder holding only archsim's runtime dependencies, closed over theirs. */
export function consumerLock(repo: string): { lockfileVersion: 3; requires: true; packages: Record<string, unknown> } {
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, unknown> = { '': { name: 'consumer' } };
  const pending = Object.keys(pkg.dependencies ?? {});
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const key = `node_modules/${name}`;
    if (key in packages) continue;
    const entry = lock.packages[key];
    if (!entry) throw new Error(`package-lock.json has no hoisted ${key}: run npm install`);
    packages[key] = entry;
    pending.push(...Object.keys(entry.dependencies ?? {}));
  }
  return { lockfileVersion: 3, requires: true, packages };
}
