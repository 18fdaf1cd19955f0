/**
 * The package as users get it: `npm pack` (which builds: the app, lib/ and the
 * manifest), the tarball installed with --omit=dev into an empty folder, then
 * the installed `archsim` command, the library, its types, the Gradescope recipe
 * (examples/gradescope/) and the CI workflow of docs/autograding.md run there —
 * no tsx, no TypeScript sources, no registry (npm's cache, as `npm ci` filled it).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';
import { withAnalysis } from '../../src/analysis/analyze.js';
import { replicate } from '../../src/run/replications.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { consumerLock } from './consumer-lock.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const CHALLENGE = 'scenarios/challenges/retry-storm';

let work: string;
let tarball: string;
let app: string;

/** Runs a command; its exit status and output, never a throw. */
function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The installed command, as a user runs it. */
const archsim = (...args: string[]) => sh('npx', ['--no-install', 'archsim', ...args], app);

/** An empty folder with a lockfile pinning archsim's runtime dependencies to the repository's versions, so npm installs from its cache. */
function consumer(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(consumerLock(ROOT), null, 2)}\n`);
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'archsim-pack-'));
  const packed = sh('npm', ['pack', '--pack-destination', work], ROOT);
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stdout}\n${packed.stderr}`);
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  app = join(work, 'app');
  consumer(app);
  const installed = sh('npm', ['install', '--offline', '--omit=dev', '--no-audit', '--no-fund', tarball], app);
  if (installed.status !== 0) throw new Error(`npm install of the tarball failed:\n${installed.stderr}`);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('holds the compiled CLI and library with types, the app build, the schema and the scenarios, and no TypeScript sources', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''));
    const expected = [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'bin/archsim.js',
      'lib/index.js',
      'lib/index.d.ts',
      'lib/cli/main.js',
      'dist/index.html',
      'dist/archsim-embed.js',
      'dist/scenario.schema.json',
      'scenarios/mm1.yaml',
      `${CHALLENGE}.yaml`,
    ];
    // every entry tsconfig.build.json compiles: the library, the CLI, worker threads' modules
    const build = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as { files: string[] };
    for (const f of build.files) expected.push(f.replace(/^src\//, 'lib/').replace(/\.ts$/, '.js'));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    if (pkg.scripts.manifest) expected.push('custom-elements.json');
    for (const f of expected) expect(files, f).toContain(f);
    expect(files.filter((f) => /^(src|test|scripts)\/|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    // the browser's code is bundled into dist/, never compiled into lib/
    expect(files.filter((f) => /^lib\/(ui|state|embed|worker)\//.test(f))).toEqual([]);
  });

  it('installs with --omit=dev as archsim and its runtime dependencies only: no tsx, TypeScript or vite', () => {
    const installed = readdirSync(join(app, 'node_modules')).filter((f) => !f.startsWith('.'));
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules/archsim/package.json'), 'utf8'));
    expect(installed.sort()).toEqual(['archsim', ...Object.keys(pkg.dependencies)].sort());
    expect(pkg.private).toBeUndefined();
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(app, 'node_modules/archsim/LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });
});

describe('the installed archsim command', () => {
  it('validates a scenario', () => {
    const r = archsim('validate', 'node_modules/archsim/scenarios/mm1.yaml');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('node_modules/archsim/scenarios/mm1.yaml: ok — 2 components, 1 links\n');
    expect(r.status).toBe(0);
  });

  it('runs a scenario to the same JSON document as the TypeScript sources, apart from wallMs', () => {
    const file = join(ROOT, 'scenarios/mm1.yaml');
    const r = archsim('run', file, '--json', '--duration', '2m');
    expect(r.status).toBe(0);
    const compiled = JSON.parse(r.stdout);
    const source = withAnalysis(runScenario(loadScenario(readFileSync(file, 'utf8'), { file, duration: '2m' })));
    expect({ ...compiled, wallMs: 0 }).toEqual(JSON.parse(JSON.stringify({ ...source, wallMs: 0 })));
    expect(compiled.summary.latencyMs.p99).toBeGreaterThan(0);
  });

  it('reports a malformed scenario at file:line:col with exit status 2', () => {
    writeFileSync(join(app, 'bad.yaml'), 'version: 1\nduration: 10s\ncomponents:\n  app: { kind: servce }\n');
    const r = archsim('run', 'bad.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^bad\.yaml:4:\d+: components\.app\.kind: .*servce/m);
  });

  it('prints the JSON Schema the package ships', () => {
    const r = archsim('schema');
    expect(r.status).toBe(0);
    const shipped = JSON.parse(readFileSync(join(app, 'node_modules/archsim/dist/scenario.schema.json'), 'utf8'));
    expect(JSON.parse(r.stdout)).toEqual(shipped);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(scenarioSchema())));
  });

  it("checks a challenge's goals: exit 1 as written, 0 for its reference solution", () => {
    const base = archsim('check', join(ROOT, `${CHALLENGE}.yaml`));
    expect(base.stdout).toMatch(/FAIL/);
    expect(base.status).toBe(1);
    const solved = archsim('check', join(ROOT, `${CHALLENGE}.yaml`), '--design', join(ROOT, `${CHALLENGE}.solution.yaml`));
    expect(solved.stdout).not.toMatch(/FAIL/);
    expect(solved.status).toBe(0);
  });

  it('grades a folder on compiled worker threads', () => {
    const subs = join(app, 'subs');
    mkdirSync(subs);
    cpSync(join(ROOT, `${CHALLENGE}.yaml`), join(subs, 'a-unchanged.yaml'));
    cpSync(join(ROOT, `${CHALLENGE}.solution.yaml`), join(subs, 'b-solved.yaml'));
    const r = archsim('check', join(ROOT, `${CHALLENGE}.yaml`), '--design', subs, '--jobs', '2');
    expect(r.stderr).toBe('');
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('file,passed,failed,score,max_score,error');
    expect(rows[1]).toMatch(/^.*a-unchanged\.yaml,\d+,[1-9]\d*,/);
    expect(rows[2]).toMatch(/^.*b-solved\.yaml,[1-9]\d*,0,/);
    expect(r.status).toBe(1);
  });

  it('runs replications on compiled worker threads to the figures of one thread', () => {
    const file = join(ROOT, 'scenarios/mm1.yaml');
    const r = archsim('run', file, '--duration', '1m', '--replications', '3', '--jobs', '2', '--json');
    expect(r.status).toBe(0);
    const pooled = JSON.parse(r.stdout);
    const inline = replicate(loadScenario(readFileSync(file, 'utf8'), { file, duration: '1m' }), 3);
    expect(pooled.replications).toBe(3);
    expect(pooled.summary).toEqual(JSON.parse(JSON.stringify(inline.summary)));
  });
});

describe('the library (docs/api.md)', () => {
  const script = readFileSync(join(ROOT, 'examples/api/p99.mjs'), 'utf8');

  it('docs/api.md shows the example script as it is tested', () => {
    expect(readFileSync(join(ROOT, 'docs/api.md'), 'utf8')).toContain(script);
  });

  it('runs a scenario and reads its p99 from a script importing "archsim"', () => {
    writeFileSync(join(app, 'p99.mjs'), script);
    const r = sh('node', ['p99.mjs'], app);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const cli = JSON.parse(archsim('run', 'node_modules/archsim/scenarios/mm1.yaml', '--json').stdout);
    const [once, five] = r.stdout.trim().split('\n');
    expect(once).toBe(
      `M/M/1: one server, random arrivals: p99 ${cli.summary.latencyMs.p99} ms (mean ${cli.summary.latencyMs.mean} ms, ${cli.summary.completed} requests)`,
    );
    // M/M/1 at ρ = 0.8, 10 simulated minutes per seed: p99 = 50 ms × ln 100 ≈ 230 ms
    const [, mean, half] = five.match(/^p99 over 5 seeds: ([\d.]+) ± ([\d.]+) ms$/)!;
    expect(Math.abs(Number(mean) - 230.3)).toBeLessThan(Math.max(Number(half), 0.05 * 230.3));
    // the output docs/api.md shows is this run's
    const shown = readFileSync(join(ROOT, 'docs/api.md'), 'utf8').match(/```console\n\$ node p99\.mjs\n([\s\S]*?)```/)![1];
    expect(r.stdout).toBe(shown);
  });

  it('reports a malformed scenario through ScenarioError', () => {
    const r = sh('node', ['p99.mjs', 'bad.yaml'], app);
    expect(r.stderr).toMatch(/^bad\.yaml:4:\d+: components\.app\.kind: /);
    expect(r.status).toBe(2);
  });

  it('type-checks a TypeScript script against the declarations the package ships', () => {
    writeFileSync(
      join(app, 'typed.ts'),
      [
        "import { checkDesign, loadScenario, runScenario, type CheckReport, type RunResult } from 'archsim';",
        "const result: RunResult = runScenario(loadScenario('version: 1', { file: 'x.yaml' }));",
        'const p99: number = result.summary.latencyMs.p99;',
        "const report: CheckReport = checkDesign({ file: 'a.yaml', text: '' }, undefined, { replications: 3 });",
        'const score: number = report.score + p99;',
        '// @ts-expect-error the summary has no such figure',
        'const wrong: string = result.summary.latencyMs.p99;',
        'export { score, wrong };',
        '',
      ].join('\n'),
    );
    const tsconfig = {
      compilerOptions: { module: 'nodenext', strict: true, noEmit: true, skipLibCheck: false, types: [] },
      files: ['typed.ts'],
    };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig));
    const r = sh(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], app);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('the Gradescope recipe (examples/gradescope, docs/autograding.md)', () => {
  let root: string;
  const env = () => ({ AUTOGRADER_ROOT: root, npm_config_offline: 'true' });
  const goals = (parse(readFileSync(join(ROOT, `${CHALLENGE}.yaml`), 'utf8')).goals as { points?: number }[]).map((g) => g.points ?? 1);

  /** Gradescope's steps: source/ unpacked from the zip, setup.sh once, then run_autograder per submission. */
  beforeAll(() => {
    root = join(work, 'autograder');
    const source = join(root, 'source');
    consumer(source);
    for (const f of ['setup.sh', 'run_autograder']) cpSync(join(ROOT, 'examples/gradescope', f), join(source, f));
    cpSync(tarball, join(source, tarball.split('/').pop()!));
    cpSync(join(ROOT, `${CHALLENGE}.yaml`), join(source, 'challenge.yaml'));
    const setup = sh('bash', ['setup.sh'], source, env());
    if (setup.status !== 0) throw new Error(`setup.sh failed:\n${setup.stdout}\n${setup.stderr}`);
  }, 300_000);

  /** Submits files (name → text) and returns results/results.json. */
  function grade(files: Record<string, string>) {
    rmSync(join(root, 'submission'), { recursive: true, force: true });
    rmSync(join(root, 'results'), { recursive: true, force: true });
    mkdirSync(join(root, 'submission'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'submission', name), text);
    const r = sh('bash', [join(root, 'source/run_autograder')], root, env());
    expect(r.status).toBe(0);
    return JSON.parse(readFileSync(join(root, 'results/results.json'), 'utf8'));
  }

  /** The parts of Gradescope's results.json specification archsim writes. */
  function expectValidResults(results: Record<string, unknown>) {
    expect(Object.keys(results).sort()).toEqual(['output', 'score', 'stdout_visibility', 'tests', 'visibility']);
    expect(typeof results.score).toBe('number');
    expect(typeof results.output).toBe('string');
    const tests = results.tests as Record<string, unknown>[];
    for (const t of tests) {
      expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'output', 'score', 'status', 'visibility']);
      expect(typeof t.name).toBe('string');
      expect(['passed', 'failed']).toContain(t.status);
      expect(t.score).toBe(t.status === 'passed' ? t.max_score : 0);
    }
    expect(results.score).toBe(tests.reduce((a, t) => a + (t.score as number), 0));
  }

  const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

  it('gives a passing submission every goal and full marks', () => {
    const results = grade({ 'design.yaml': read(`${CHALLENGE}.solution.yaml`) });
    expectValidResults(results);
    expect(results.tests.map((t: { max_score: number }) => t.max_score)).toEqual(goals);
    expect(results.tests.every((t: { status: string }) => t.status === 'passed')).toBe(true);
    expect(results.score).toBe(goals.reduce((a, b) => a + b, 0));
  });

  it('fails the goals an unchanged design misses, saying why, under any single file name', () => {
    const results = grade({ 'my-design.yml': read(`${CHALLENGE}.yaml`) });
    expectValidResults(results);
    const failed = results.tests.filter((t: { status: string }) => t.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const t of failed) expect(t.output).toMatch(/target/);
    expect(results.score).toBeLessThan(goals.reduce((a, b) => a + b, 0));
  });

  it('fails every goal of a malformed design and names where it is wrong', () => {
    const results = grade({ 'design.yaml': 'version: 1\ncomponents:\n  app: { kind: servce }\n' });
    expectValidResults(results);
    expect(results.score).toBe(0);
    expect(results.tests).toHaveLength(goals.length);
    expect(results.output).toMatch(/design\.yaml:3:\d+: components\.app\.kind/);
  });

  it('scores 0 with a message when the submission holds no single design', () => {
    const results = grade({ 'a.yaml': 'version: 1\n', 'b.yaml': 'version: 1\n' });
    expectValidResults(results);
    expect(results).toMatchObject({ score: 0, tests: [] });
    expect(results.output).toMatch(/Submit one design file, design\.yaml \(found 2/);
  });
});

describe('the CI workflow of docs/autograding.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/autograding.md'), 'utf8');
  const workflow = parse(doc.match(/`\.github\/workflows\/archsim\.yml`:\n\n```yaml\n([\s\S]*?)```/)![1]);
  const runs: string[] = workflow.jobs.check.steps.flatMap((s: { run?: string }) => (s.run ? [s.run] : []));

  it('shows the Gradescope scripts as they are tested', () => {
    for (const f of ['setup.sh', 'run_autograder']) expect(doc).toContain(readFileSync(join(ROOT, 'examples/gradescope', f), 'utf8'));
  });

  /** A student's repository as the workflow checks it out; runs its `run:` steps in order, stopping at the first that fails. */
  function ci(design: string) {
    const repo = mkdtempSync(join(work, 'repo-'));
    consumer(repo);
    mkdirSync(join(repo, 'vendor'));
    const vendored = runs.join('\n').match(/\.\/vendor\/(\S+\.tgz)/)![1];
    cpSync(tarball, join(repo, 'vendor', vendored));
    cpSync(join(ROOT, `${CHALLENGE}.yaml`), join(repo, 'challenge.yaml'));
    cpSync(join(ROOT, design), join(repo, 'design.yaml'));
    const statuses: (number | null)[] = [];
    for (const run of runs) {
      statuses.push(sh('bash', ['-eo', 'pipefail', '-c', run], repo, { npm_config_offline: 'true' }).status);
      if (statuses.at(-1) !== 0) break;
    }
    return { statuses, junit: readFileSync(join(repo, 'archsim-junit.xml'), 'utf8') };
  }

  it('installs the tarball and passes a solved design, a JUnit testcase per goal', () => {
    const { statuses, junit } = ci(`${CHALLENGE}.solution.yaml`);
    expect(statuses).toEqual(runs.map(() => 0));
    const goals = parse(readFileSync(join(ROOT, `${CHALLENGE}.yaml`), 'utf8')).goals.length;
    expect(junit.match(/<testcase /g)).toHaveLength(goals);
    expect(junit).not.toContain('<failure');
  });

  it('fails the check step on a missed goal and still leaves the report to publish', () => {
    const { statuses, junit } = ci(`${CHALLENGE}.yaml`);
    expect(statuses).toEqual([...runs.slice(0, -1).map(() => 0), 1]);
    expect(junit).toMatch(/<failure message="[^"]+"/);
  });
});
