/**
 * Random but reproducible registry people for the matching tests: a seeded
 * generator, so every failure can be replayed from its seed.
 */
import type { Person } from '../../../src/schema/registry.ts';
import type { Vocabularies } from '../../../src/schema/settings.ts';
import { MENTORING_FORMS } from '../../../src/schema/vocab.ts';

/** mulberry32: a tiny seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const some = <T>(r: () => number, items: readonly T[], max: number): T[] => {
  const n = Math.floor(r() * (max + 1));
  return [...new Set(Array.from({ length: n }, () => pick(r, items)))];
};

export interface RandomOptions {
  mentees: number;
  mentors: number;
  /** Share of mentors without a signed agreement or with an invalid consent. */
  blocked?: number;
}

/** A random registry of mentees `e-NNN` and mentors `m-NNN`. */
export function randomPeople(seed: number, vocab: Vocabularies, opts: RandomOptions): Person[] {
  const r = rng(seed);
  const subjects = vocab.subjects.map((s) => s.id);
  const difficulties = vocab.difficulties.map((d) => d.id);
  const forms = Object.keys(MENTORING_FORMS) as Person['preferredForms'];
  const categories = ['none', 'first', 'highest'] as const;
  const base = (id: string, roles: Person['roles']): Person => ({
    id,
    demo: true,
    name: { last: `Фамилия${id}`, first: 'Имя' },
    gender: 'female',
    roles,
    position: 'учитель',
    subjects: [pick(r, subjects)],
    category: pick(r, categories),
    teachingSince: 2026 - Math.floor(r() * 30),
    requests: [],
    competencies: [],
    preferredForms: some(r, forms, 2),
    preferredPeople: [],
    consents: { processing: { signed: '2025-09-01' } },
  });
  const mentorIds = Array.from({ length: opts.mentors }, (_, i) => `m-${String(i).padStart(3, '0')}`);
  const menteeIds = Array.from({ length: opts.mentees }, (_, i) => `e-${String(i).padStart(3, '0')}`);
  const mentors = mentorIds.map((id) => {
    const p = base(id, ['mentor']);
    p.competencies = some(r, difficulties, 4);
    p.capacity = 1 + Math.floor(r() * 3);
    p.mentorAgreement = { signed: '2025-09-01', document: 'доп. соглашение' };
    if (r() < 0.3) p.preferredPeople = some(r, menteeIds, 1);
    const blocked = r() < (opts.blocked ?? 0);
    if (blocked) {
      const how = Math.floor(r() * 3);
      if (how === 0) delete p.mentorAgreement;
      else if (how === 1) p.consents.processing.withdrawn = '2026-01-10';
      else p.consents.processing.validUntil = '2026-06-30';
    }
    return p;
  });
  const mentees = menteeIds.map((id) => {
    const p = base(id, ['mentee']);
    p.category = r() < 0.8 ? 'none' : 'first';
    p.teachingSince = 2026 - Math.floor(r() * 4);
    p.requests = some(r, difficulties, 3);
    if (r() < 0.3) p.preferredPeople = some(r, mentorIds, 1);
    return p;
  });
  return [...mentors, ...mentees];
}
