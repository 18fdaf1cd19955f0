/**
 * What `archsim check` writes from its reports: text for a person, JSON, JUnit
 * XML (one testcase per goal, as CI systems and GitHub Classroom show them),
 * Gradescope's results.json, and the CSV row per submission of a batch.
 * Pure formatting: every function takes reports and returns text or data.
 */
import { terminalSafe } from '../output/terminal-safe.js';
import type { CheckReport, GoalReport } from './check-run.js';

const MARK: Record<GoalReport['status'], string> = { pass: 'PASS', fail: 'FAIL', undecided: 'NOT DECIDED' };

/** Why one goal did not pass, in a sentence: the reason, else the value against the target. */
export function failureMessage(g: GoalReport): string {
  const metric = `${g.metric}${g.variant ? ` (variant ${g.variant})` : ''}`;
  const measured = g.value === undefined ? `${metric}: target ${g.targetText}` : `${metric} is ${g.valueText}, target ${g.targetText}`;
  return g.reason ? `${g.reason} — ${measured}` : measured;
}

/** The reports as text: a line per goal (status, value ± CI, target), `why` under a goal that did not pass. */
export function checkText(reports: readonly CheckReport[]): string {
  return reports.map(reportText).join('\n\n');
}

function reportText(r: CheckReport): string {
  const t = (s: string) => terminalSafe(s);
  const lines = [`${t(r.design ?? r.file)}${r.design ? ` against ${t(r.file)}` : ''} — ${t(r.title)}`];
  if (r.replications > 1) lines.push(`${r.replications} replications; a goal passes when its 95% confidence interval is on the right side`);
  if (r.lockedChanged) lines.push(`refused: the design changes locked paths: ${r.lockedChanged.map(t).join(', ')}`);
  if (r.error) lines.push(`refused: the design could not be checked:\n${terminalSafe(r.error, true)}`);
  const w = Math.max(...r.goals.map((g) => g.name.length));
  for (const g of r.goals) {
    const variant = g.variant ? ` [${t(g.variant)}]` : '';
    lines.push(`  ${MARK[g.status].padEnd(11)}  ${t(g.name).padEnd(w)}  ${t(g.valueText)} (target ${t(g.targetText)})${variant}`);
    if (g.status === 'pass') continue;
    if (g.reason && !r.lockedChanged && !r.error) lines.push(`               ${t(g.reason)}`);
    if (g.why)
      lines.push(
        ...terminalSafe(g.why.trim(), true)
          .split('\n')
          .map((l) => `               ${l}`),
      );
  }
  const passed = r.goals.filter((g) => g.status === 'pass').length;
  lines.push(`${passed} of ${r.goals.length} goals passed; score ${r.score}/${r.maxScore}`);
  return lines.join('\n');
}

/** The reports as one JSON document: every report, and whether all passed. */
export function checkJson(reports: readonly CheckReport[]): string {
  const passed = reports.every((r) => r.passed);
  return JSON.stringify({ passed, checks: reports }, null, 2);
}

/** Text escaped for XML 1.0: markup characters as entities, control characters as visible escapes. */
function xml(s: string): string {
  return terminalSafe(s, true).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * JUnit XML: a testsuite per report, a testcase per goal named after it; a goal
 * that did not pass (undecided included) has a `<failure>` with its message,
 * `why` in the failure's text. A refused design's goals all fail with the reason.
 */
export function checkJunit(reports: readonly CheckReport[]): string {
  const count = (f: (g: GoalReport) => boolean) => reports.reduce((a, r) => a + r.goals.filter(f).length, 0);
  const failing = (g: GoalReport) => g.status !== 'pass';
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="archsim check" tests="${count(() => true)}" failures="${count(failing)}" errors="0">`,
  ];
  for (const r of reports) {
    const suite = r.design ?? r.file;
    const failures = r.goals.filter(failing).length;
    out.push(`  <testsuite name="${xml(suite)}" tests="${r.goals.length}" failures="${failures}" errors="0" skipped="0">`);
    out.push(
      `    <properties><property name="scenario" value="${xml(r.file)}"/><property name="title" value="${xml(r.title)}"/></properties>`,
    );
    for (const g of r.goals) {
      const head = `    <testcase name="${xml(g.name)}" classname="${xml(suite)}"`;
      if (g.status === 'pass') {
        out.push(
          `${head}>`,
          `      <system-out>${xml(`${g.metric} is ${g.valueText}, target ${g.targetText}`)}</system-out>`,
          '    </testcase>',
        );
        continue;
      }
      const detail = [r.error, g.why].filter(Boolean).join('\n\n');
      out.push(
        `${head}>`,
        `      <failure message="${xml(failureMessage(g))}" type="${g.status}">${xml(detail)}</failure>`,
        '    </testcase>',
      );
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

/** One test of Gradescope's results.json. */
export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  visibility: 'visible';
}

/** Gradescope's results.json (autograder specification): the total score, a summary, a test per goal. */
export interface GradescopeResults {
  score: number;
  output: string;
  visibility: 'visible';
  stdout_visibility: 'visible';
  tests: GradescopeTest[];
}

/** The reports as Gradescope's results.json: a test per goal worth its points, `why` in its output on failure. */
export function checkGradescope(reports: readonly CheckReport[]): GradescopeResults {
  const tests = reports.flatMap((r) =>
    r.goals.map((g): GradescopeTest => {
      const ok = g.status === 'pass';
      const text = ok ? `${g.metric} is ${g.valueText}, target ${g.targetText}` : failureMessage(g);
      return {
        name: reports.length > 1 ? `${r.title}: ${g.name}` : g.name,
        score: g.score,
        max_score: g.points,
        status: ok ? 'passed' : 'failed',
        output: [text, ok ? '' : (g.why ?? '')].filter(Boolean).join('\n\n'),
        visibility: 'visible',
      };
    }),
  );
  const problems = reports.flatMap((r) => [
    ...(r.lockedChanged ? [`Your design changes locked paths: ${r.lockedChanged.join(', ')}. Undo those changes.`] : []),
    ...(r.error ? [`Your design could not be checked:\n${r.error}`] : []),
  ]);
  const passed = tests.filter((t) => t.status === 'passed').length;
  return {
    score: tests.reduce((a, t) => a + t.score, 0),
    output: [...problems, `${passed} of ${tests.length} goals passed.`].join('\n\n'),
    visibility: 'visible',
    stdout_visibility: 'visible',
    tests,
  };
}

/** One CSV field: control characters and line breaks escaped, quoted when it holds a comma or quote. */
function csvField(x: string): string {
  const s = terminalSafe(x);
  return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Header of the batch CSV. */
export const BATCH_CSV_HEADER = 'file,passed,failed,score,max_score,error';

/** One submission's CSV row: goals passed and failed (undecided counts as failed), score, and the error if it was refused. */
export function batchCsvRow(design: string, r: CheckReport | undefined, error?: string): string {
  const passed = r ? r.goals.filter((g) => g.status === 'pass').length : 0;
  const failed = r ? r.goals.length - passed : 0;
  const why = error ?? r?.error ?? (r?.lockedChanged ? `changes locked paths: ${r.lockedChanged.join(', ')}` : '');
  return [design, passed, failed, r?.score ?? 0, r?.maxScore ?? '', why].map((v) => csvField(String(v))).join(',');
}
