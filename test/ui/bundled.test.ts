import { readdirSync } from 'node:fs';
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
