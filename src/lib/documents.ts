/**
 * Groups documents as school sites are expected to: by level (federal,
 * regional, municipal, school), then by kind, newest first inside a kind.
 */
import { DOCUMENT_KINDS, LEVELS } from '../schema/vocab.ts';

type Level = keyof typeof LEVELS;
type Kind = keyof typeof DOCUMENT_KINDS;

interface DocLike {
  id: string;
  data: { level: Level; kind: Kind; date: string };
}

export interface LevelGroup<T> {
  level: Level;
  kinds: { kind: Kind; docs: T[] }[];
}

export function groupDocuments<T extends DocLike>(docs: readonly T[]): LevelGroup<T>[] {
  const levels = Object.keys(LEVELS) as Level[];
  const kinds = Object.keys(DOCUMENT_KINDS) as Kind[];
  return levels
    .map((level) => ({
      level,
      kinds: kinds
        .map((kind) => ({
          kind,
          docs: docs
            .filter((d) => d.data.level === level && d.data.kind === kind)
            .sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id)),
        }))
        .filter((k) => k.docs.length > 0),
    }))
    .filter((l) => l.kinds.length > 0);
}
