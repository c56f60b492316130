import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  countsAt,
  editNews,
  FULL_SCALE,
  generateNews,
  generatePeople,
  generateProgrammes,
  MAX_PEOPLE,
} from '../../bench/corpus/generate.ts';
import { seededRandom } from '../../bench/corpus/random.ts';
import { editCorpus, writeCorpus } from '../../bench/corpus/write.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import { ROOT } from '../helpers/paths.ts';

fs.mkdirSync(path.join(ROOT, '.cache'), { recursive: true });
const temp = fs.mkdtempSync(path.join(ROOT, '.cache', 'bench-corpus-test-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

/** Every file of a content root: relative path → text. */
function snapshot(root: string): Map<string, string> {
  const files = fs
    .readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
  return new Map(files.sort().map((f) => [path.relative(root, f), fs.readFileSync(f, 'latin1')]));
}

describe('benchmark corpus', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = writeCorpus({ root: path.join(temp, 'a'), seed: 7, scale: 0.01 });
    const b = writeCorpus({ root: path.join(temp, 'b'), seed: 7, scale: 0.01 });
    const c = writeCorpus({ root: path.join(temp, 'c'), seed: 8, scale: 0.01 });
    expect(snapshot(a.root)).toEqual(snapshot(b.root));
    expect(path.relative(a.root, a.editTarget)).toBe(path.relative(b.root, b.editTarget));
    const sa = snapshot(a.root);
    const sc = snapshot(c.root);
    const differing = [...sa.keys()].filter((k) => sc.get(k) !== sa.get(k));
    expect(differing.length).toBeGreaterThan(50);
  });

  it('generates the counts of the scale: the district at 1, never an empty role or list', () => {
    expect(countsAt(1)).toEqual(FULL_SCALE);
    expect(countsAt(0.1)).toEqual({ practices: 500, news: 200, programs: 30, people: 20 });
    expect(countsAt(0.001)).toEqual({ practices: 10, news: 10, programs: 5, people: 20 });
  });

  it('generates every scale up to 4, the registry capped at the people it can name uniquely', () => {
    // --curve goes to scale 2; the registry has unique name pairs for MAX_PEOPLE people.
    for (const scale of [2, 4]) {
      const counts = countsAt(scale);
      expect(counts.practices).toBe(FULL_SCALE.practices * scale);
      expect(counts.people).toBe(Math.min(FULL_SCALE.people * scale, MAX_PEOPLE));
      expect(() => generatePeople(seededRandom(126), counts.people)).not.toThrow();
    }
  });

  it('passes validation with no errors and no warnings: nothing is withheld, no text names a person', () => {
    const corpus = writeCorpus({ root: path.join(temp, 'valid'), seed: 126, scale: 0.01 });
    const index = reviewContent(corpus.root);
    expect(index.problems).toEqual([]);
    expect(index.entries.get('practices')!.size).toBe(50);
    expect(index.entries.get('news')!.size).toBeGreaterThanOrEqual(20);
    expect([...index.withheld.values()].every((s) => s.size === 0)).toBe(true);
  });

  it('puts people of every consent state into the registry and references only those who may be referenced', () => {
    const rnd = seededRandom(126);
    const { people } = generatePeople(rnd, 200);
    const cases = new Set(people.map((p) => p.consent));
    expect([...cases].sort()).toEqual(
      [
        'dissemination-expired',
        'dissemination-withdrawn',
        'named',
        'no-dissemination',
        'other-site',
        'processing-expired',
        'processing-withdrawn',
        'tombstone',
      ].sort(),
    );
    const programs = generateProgrammes(rnd, 40, people)
      .map((f) => f.text)
      .join('\n');
    const referenced = new Set(programs.match(/p-1\d{3}/g));
    const unreferable = people.filter((p) => !p.referable).map((p) => p.id);
    expect(referenced.size).toBeGreaterThan(10);
    expect(unreferable.filter((id) => referenced.has(id))).toEqual([]);
  });

  it('gives news file names as the CMS does, unique even for the same day and title', () => {
    const names = generateNews(seededRandom(1), 400).map((f) => f.path);
    expect(new Set(names).size).toBe(400);
    for (const n of names) expect(n).toMatch(/^news\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/);
  });

  it('edits one news item: its title and its body, nothing else', () => {
    const corpus = writeCorpus({ root: path.join(temp, 'edit'), seed: 3, scale: 0.01 });
    const before = snapshot(corpus.root);
    const original = fs.readFileSync(corpus.editTarget, 'utf8');
    editCorpus(corpus);
    const after = snapshot(corpus.root);
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    expect(changed).toEqual([path.relative(corpus.root, corpus.editTarget)]);
    const edited = fs.readFileSync(corpus.editTarget, 'utf8');
    expect(edited).toBe(editNews(original));
    expect(edited).toMatch(/^title: .+ \(дополнено\)$/m);
    expect(edited.trim().endsWith('ответы на вопросы участников.')).toBe(true);
  });
});
