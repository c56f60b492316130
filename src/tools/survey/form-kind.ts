/**
 * Which анкета a file is, from its questions. A mentor candidates' export
 * imported with `--kind mentee` turned competencies into difficulties and a
 * teacher who answered «Нет» into a mentee; the questions themselves say
 * which form it is, so a mismatch is refused before anything is read.
 *
 * A question counts for a kind when its best-matching rule (over the rules
 * of every kind, the mapping file's first) belongs to that kind alone:
 * difficulties for the mentee's form; competencies, capacity and the
 * agreement for the mentor's; scales, yes/no items and the role for
 * monitoring. The file is refused when another kind has more such questions
 * than the kind asked for.
 */
import type { Vocabularies } from '../../schema/settings.ts';
import { allKindsMapping, assignColumns, kindsOf, type SurveyKind } from './mapping.ts';

export interface KindEvidence {
  kind: SurveyKind;
  /** Headers that belong to this kind alone. */
  questions: string[];
}

/** The questions of each kind found among the headers. */
export function formKindEvidence(headers: readonly string[], kind: SurveyKind, vocab: Vocabularies, mappingFile?: string): KindEvidence[] {
  const plan = assignColumns(headers, allKindsMapping(kind, vocab, mappingFile));
  const evidence = new Map<SurveyKind, string[]>([
    ['mentee', []],
    ['mentor', []],
    ['monitoring', []],
  ]);
  for (const [field, columns] of plan.fields) {
    const kinds = kindsOf(field);
    if (kinds.length !== 1) continue;
    evidence.get(kinds[0]!)!.push(...columns.map((c) => headers[c]!));
  }
  return [...evidence].map(([k, questions]) => ({ kind: k, questions }));
}

/** The kind the file looks like when it is not `kind`, with the questions that say so; undefined when `kind` fits. */
export function mismatchedKind(
  headers: readonly string[],
  kind: SurveyKind,
  vocab: Vocabularies,
  mappingFile?: string,
): KindEvidence | undefined {
  const evidence = formKindEvidence(headers, kind, vocab, mappingFile);
  const own = evidence.find((e) => e.kind === kind)!.questions.length;
  const other = evidence.filter((e) => e.kind !== kind).sort((a, b) => b.questions.length - a.questions.length)[0]!;
  return other.questions.length > own ? other : undefined;
}
