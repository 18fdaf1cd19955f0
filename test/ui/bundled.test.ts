import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundled, byTopic, TOPICS } from '../../src/ui/bundled.js';
import { newDesign, OpenedDesign } from '../../src/ui/opened-design.js';

const files = readdirSync(new URL('../../scenarios/', import.meta.url)).filter((f) => f.endsWith('.yaml'));

describe('bundled scenarios in course order', () => {
  it('gives every file in scenarios/ a topic of the course and a one-line summary', () => {
    expect(bundled.map((b) => b.file).sort()).toEqual([...files].sort());
    for (const b of bundled) {
      expect(TOPICS, b.file).toContain(b.topic);
      expect(b.line, b.file).toMatch(/^[A-Z].{10,80}\.$/);
    }
  });

  it('leaves no bundled scenario in "More scenarios": the gallery shows every file under a course topic', () => {
    const unplaced = bundled.filter((b) => b.topic === 'More scenarios').map((b) => b.file);
    expect(unplaced, 'add these files to COURSE in src/ui/bundled.ts').toEqual([]);
    expect(byTopic().some((g) => g.topic === 'More scenarios')).toBe(false);
  });

  it('starts with the basics (M/M/1), never with a "+" title sorted first', () => {
    expect(bundled[0].file).toBe('mm1.yaml');
    expect(bundled[0].title.startsWith('+')).toBe(false);
  });

  it('byTopic() groups in course order: basics → scaling → operations → data tier → async → microservices → serverless → failure', () => {
    const groups = byTopic();
    expect(groups.map((g) => g.topic)).toEqual([...TOPICS]);
    expect(groups.flatMap((g) => g.scenarios)).toEqual(bundled);
  });

  it('byTopic(list) puts a file the course table does not name under "More scenarios", last', () => {
    const extra = { file: 'zz.yaml', title: 'Extra', text: '', topic: 'More scenarios' as const, line: '' };
    expect(byTopic([...bundled, extra]).at(-1)).toEqual({ topic: 'More scenarios', scenarios: [extra] });
  });
});

describe('docs/course.md, the syllabus', () => {
  const course = readFileSync(new URL('../../docs/course.md', import.meta.url), 'utf8');

  it('has a section per topic, numbered and ordered as the start view shows them', () => {
    const topics = [...course.matchAll(/^## (\d+)\. ([^:\n]+)/gm)].map((m) => `${m[1]}. ${m[2]}`);
    expect(topics).toEqual(TOPICS.map((t, i) => `${i + 1}. ${t}`));
  });

  it('gives every bundled scenario a section, in the start view’s order, each under its topic', () => {
    const sections = [...course.matchAll(/^(##|###) .*$/gm)].map((m) => m[0]);
    let topic = '';
    const placed: { file: string; topic: string }[] = [];
    for (const h of sections) {
      const t = /^## \d+\. ([^:]+)/.exec(h);
      if (t) topic = t[1];
      const file = /^### .* — `([\w.-]+\.yaml)`$/.exec(h)?.[1];
      if (file) placed.push({ file, topic });
    }
    expect(placed).toEqual(bundled.map((b) => ({ file: b.file, topic: b.topic })));
  });

  it('names every challenge in scenarios/challenges/', () => {
    const challenges = readdirSync(new URL('../../scenarios/challenges/', import.meta.url)).filter(
      (f) => f.endsWith('.yaml') && !f.endsWith('.solution.yaml'),
    );
    for (const c of challenges) expect(course, c).toContain(`\`${c}\``);
  });
});

describe('OpenedDesign', () => {
  it('isEdited(doc) is false for the opened design and for an equal copy (an undo back to it)', () => {
    const doc = newDesign();
    const opened = new OpenedDesign(doc);
    expect(opened.isEdited(doc)).toBe(false);
    expect(opened.isEdited(structuredClone(doc))).toBe(false);
  });

  it('isEdited(doc) is true once a component, link or setting differs', () => {
    const opened = new OpenedDesign(newDesign());
    expect(opened.isEdited({ ...newDesign(), components: { app: { kind: 'service' } } })).toBe(true);
    expect(opened.isEdited({ ...newDesign(), duration: '1m' })).toBe(true);
  });
});
