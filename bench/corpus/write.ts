/**
 * Writes the benchmark corpus into a content root: the demo content (stages,
 * documents, settings, vocabularies, the demo registry), the practices bank
 * of bench/search.ts, and the generated people, news, programmes
 * and practice authors of ./generate.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateBank } from '../search.ts';
import { countsAt, editNews, enrichPractice, generateNews, generatePeople, generateProgrammes, type CorpusCounts } from './generate.ts';
import { seededRandom } from './random.ts';

export interface Corpus {
  root: string;
  seed: number;
  scale: number;
  counts: CorpusCounts;
  /** Files written or rewritten (the demo's copied files not counted). */
  files: number;
  /** The news item the warm rebuild edits. */
  editTarget: string;
}

export function writeCorpus(options: { root: string; seed: number; scale: number }): Corpus {
  const { root, seed, scale } = options;
  const counts = countsAt(scale);
  generateBank(counts.practices, root, seed);
  const rnd = seededRandom(seed);
  const { files: peopleFiles, people } = generatePeople(rnd, counts.people);
  const generated = [...peopleFiles, ...generateNews(rnd, counts.news), ...generateProgrammes(rnd, counts.programs, people)];
  for (const file of generated) {
    const abs = path.join(root, file.path);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, file.text);
  }
  const practicesDir = path.join(root, 'practices');
  const practices = fs
    .readdirSync(practicesDir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  for (const name of practices) {
    const abs = path.join(practicesDir, name);
    fs.writeFileSync(abs, enrichPractice(fs.readFileSync(abs, 'utf8'), rnd, people));
  }
  const news = generated.filter((f) => f.path.startsWith('news/')).sort((a, b) => a.path.localeCompare(b.path));
  const editTarget = path.join(root, news[Math.floor(news.length / 2)]!.path);
  return { root, seed, scale, counts, files: generated.length + practices.length, editTarget };
}

/** Applies the warm rebuild's edit to the corpus (title and body of one news item). */
export function editCorpus(corpus: Corpus): void {
  fs.writeFileSync(corpus.editTarget, editNews(fs.readFileSync(corpus.editTarget, 'utf8')));
}
