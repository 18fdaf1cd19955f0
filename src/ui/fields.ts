/**
 * Inspector fields from parameter descriptors: the text shown for a raw value,
 * and the raw value read back from what the user typed, checked against the
 * descriptor exactly as the scenario validator checks it (same messages).
 */
import { parse, stringify } from 'yaml';
import type { Param } from '../kinds/params.js';
import { resolveParam, expectation } from '../scenario/resolve-param.js';

/** What an edit produced: a raw value to store (undefined = use the default) or a message. */
export type FieldResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Is this parameter edited as YAML text (nested shapes)? */
export const isStructured = (d: Param): boolean => d.type === 'object' || d.type === 'map' || d.type === 'list';

/** The text a field shows for a raw value. */
export function fieldText(d: Param, raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  if (isStructured(d) || typeof raw === 'object') return stringify(raw, { flow: true, lineWidth: 0 }).trim();
  return String(raw);
}

/** Placeholder: the default (an object's field defaults), or what is expected. */
export function fieldPlaceholder(d: Param): string {
  if (d.type === 'object') {
    const defaults = Object.entries(d.fields).flatMap(([k, f]) =>
      'default' in f && f.default !== undefined ? [`${k}: ${f.default}`] : [],
    );
    if (defaults.length) return `${d.optional ? 'off; when set, defaults ' : ''}{${defaults.join(', ')}}`;
  }
  const def = (d as { default?: unknown }).default;
  return def !== undefined && !isStructured(d) ? String(def) : d.required ? `required: ${expectation(d)}` : 'not set';
}

/**
 * Reads typed text as a raw value for `d` and validates it.
 * @example readField({type: 'duration', label: 'Timeout', help: '', min: 0}, '2s') // {ok: true, value: '2s'}
 */
export function readField(d: Param, text: string, targets: readonly string[] = []): FieldResult {
  const t = text.trim();
  if (t === '') return d.required ? { ok: false, message: `required: expected ${expectation(d)}` } : { ok: true, value: undefined };
  let value: unknown = t;
  if (d.type === 'number') {
    value = Number(t.replace(/_/g, ''));
    if (!Number.isFinite(value as number)) return { ok: false, message: `expected ${expectation(d)}, got "${t}"` };
  } else if (d.type === 'boolean') value = t === 'true';
  else if (isStructured(d)) {
    try {
      value = parse(t, { maxAliasCount: 100 });
    } catch (e) {
      return { ok: false, message: `not valid YAML: ${String((e as Error).message).split('\n')[0]}` };
    }
  } else if ((d.type === 'duration' || d.type === 'rate') && /^-?\d+(\.\d+)?$/.test(t)) value = Number(t);
  const problems: string[] = [];
  resolveParam(d, value, [], { targets, report: (p) => problems.push((p.path.length ? `${p.path.join('.')}: ` : '') + p.message) });
  return problems.length ? { ok: false, message: problems[0] } : { ok: true, value };
}
