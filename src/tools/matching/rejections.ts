/**
 * Pairs the curator rejected (`npm run match -- --reject MENTEE=MENTOR`):
 * the next run of the same school year does not propose them again. Kept in
 * the private folder with the reports (ids only, no names), written through
 * the undo journal like every other change.
 */
import fs from 'node:fs';
import { Document, parseDocument } from 'yaml';
import { privateDir } from '../../io/private-dir.ts';

export interface Rejection {
  mentee: string;
  mentor: string;
  schoolYear: string;
  /** When it was rejected. */
  date: string;
}

/** The file of rejected pairs. */
export function rejectionsFile(): string {
  return privateDir('match', 'rejected.yaml');
}

/** Every rejected pair, of every school year. */
export function readRejections(file = rejectionsFile()): Rejection[] {
  if (!fs.existsSync(file)) return [];
  const data = parseDocument(fs.readFileSync(file, 'utf8')).toJS() as { rejected?: Rejection[] } | null;
  return data?.rejected ?? [];
}

/** The file's text with these pairs added (a pair already there is not repeated). */
export function withRejections(existing: readonly Rejection[], added: readonly Rejection[]): string {
  const all = [...existing];
  for (const r of added) if (!all.some((x) => x.mentee === r.mentee && x.mentor === r.mentor && x.schoolYear === r.schoolYear)) all.push(r);
  const doc = new Document({ rejected: all });
  doc.commentBefore = ' Пары, отклонённые куратором (npm run match -- --reject): в своём учебном году повторно не предлагаются.';
  return doc.toString({ lineWidth: 0 });
}
