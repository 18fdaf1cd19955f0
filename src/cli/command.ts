/**
 * What every `archsim` command shares: its errors (a wrong command line exits 2
 * with the usage, a failed run 3), terminal-safe printing, reading a file, and
 * reading a --seed.
 */
import { readFileSync } from 'node:fs';
import { terminalSafe } from '../output/terminal-safe.js';

/** The command line is wrong: exit 2 with the usage. */
export class UsageError extends Error {}

/** A run threw after its scenario was accepted: exit 3, no stack trace. */
export class RunFailedError extends Error {}

/** Prints text for the terminal: control characters shown escaped, line breaks kept. */
export const print = (text: string): void => void process.stdout.write(`${terminalSafe(text, true)}\n`);

/** Prints to stderr, terminal-safe as print. */
export const printError = (text: string): void => void process.stderr.write(`${terminalSafe(text, true)}\n`);

/** The message of anything thrown. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The text of a file; an unreadable one is a usage error naming it. */
export function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

/** A --seed as the scenario takes it: a number when it is one, otherwise the text. */
export function seedOf(s: string | undefined): number | string | undefined {
  if (s === undefined) return undefined;
  return /^-?\d+$/.test(s) ? Number(s) : s;
}
