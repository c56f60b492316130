/**
 * Mentor matching: the assignment is optimal (checked against brute force on
 * small random instances), deterministic, within capacities, open only to
 * mentors with a valid consent and a signed agreement, and fast at the scale
 * of a large district.
 */
import { describe, expect, it } from 'vitest';
import { readVocabularies } from '../../src/validate/site-settings.ts';
import { assign, proposeMatches, scorePair, type MatchInput } from '../../src/tools/matching/match-mentors.ts';
import type { Person } from '../../src/schema/registry.ts';
import { SCHOOL_FIXTURE } from '../helpers/paths.ts';
import { randomPeople, rng } from './helpers/people.ts';

const vocab = readVocabularies(SCHOOL_FIXTURE)!;
const TODAY = '2026-11-24';

/** The best (pairs, total score) over every assignment, by exhaustive search. */
function bruteForce(mentees: string[], caps: Map<string, number>, score: (e: string, m: string) => number | undefined): [number, number] {
  let best: [number, number] = [0, 0];
  const left = new Map(caps);
  const walk = (i: number, pairs: number, total: number) => {
    if (i === mentees.length) {
      if (pairs > best[0] || (pairs === best[0] && total > best[1])) best = [pairs, total];
      return;
    }
    walk(i + 1, pairs, total);
    for (const [m, free] of left) {
      const s = score(mentees[i]!, m);
      if (s === undefined || free === 0) continue;
      left.set(m, free - 1);
      walk(i + 1, pairs + 1, total + s);
      left.set(m, free);
    }
  };
  walk(0, 0, 0);
  return best;
}

describe('assign', () => {
  it('matches brute force on 300 random small instances (seeded), capacities respected', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const n = 1 + Math.floor(r() * 6);
      const m = 1 + Math.floor(r() * 4);
      const mentees = Array.from({ length: n }, (_, i) => `e${i}`);
      const caps = new Map(Array.from({ length: m }, (_, j) => [`m${j}`, Math.floor(r() * 3)] as [string, number]));
      const table = new Map<string, number | undefined>();
      for (const e of mentees) for (const k of caps.keys()) table.set(`${e}/${k}`, r() < 0.3 ? undefined : Math.floor(r() * 41) - 10);
      const score = (e: string, k: string) => table.get(`${e}/${k}`);
      const result = assign(
        mentees,
        [...caps].map(([id, free]) => ({ id, free })),
        score,
      );
      const total = [...result].reduce((s, [e, k]) => s + score(e, k)!, 0);
      expect([result.size, total], `seed ${seed}`).toEqual(bruteForce(mentees, caps, score));
      for (const [k, free] of caps) expect([...result.values()].filter((x) => x === k).length, `seed ${seed}`).toBeLessThanOrEqual(free);
      for (const [e, k] of result) expect(score(e, k), `seed ${seed}`).toBeDefined();
    }
  });
});

describe('proposeMatches', () => {
  const input = (people: Person[]): MatchInput => ({ people, programs: [], vocab, today: TODAY });

  it('is optimal on random registries (seeded), against brute force over the scored pairs', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const people = randomPeople(seed, vocab, { mentees: 5, mentors: 3, blocked: 0.2 });
      const result = proposeMatches(input(people));
      const mentors = people.filter((p) => p.roles.includes('mentor') && !result.excludedMentors.some((x) => x.id === p.id));
      const mentees = people.filter((p) => p.roles.includes('mentee')).map((p) => p.id);
      const byId = new Map(people.map((p) => [p.id, p]));
      const score = (e: string, m: string) => {
        const s = scorePair(byId.get(e)!, byId.get(m)!, { vocab, year: 2026 });
        return s.admissible ? s.score : undefined;
      };
      const caps = new Map(mentors.map((m) => [m.id, m.capacity ?? 2]));
      expect([result.proposals.length, result.totalScore], `seed ${seed}`).toEqual(bruteForce(mentees, caps, score));
    }
  });

  it('gives the same answer whatever the order of the registry files', () => {
    const people = randomPeople(7, vocab, { mentees: 40, mentors: 15, blocked: 0.1 });
    const first = proposeMatches(input(people));
    const r = rng(99);
    const shuffled = [...people].sort(() => r() - 0.5);
    expect(proposeMatches(input(shuffled))).toEqual(first);
  });

  it('never exceeds a mentor’s free places, counting pairs already formed this year', () => {
    const people = randomPeople(11, vocab, { mentees: 60, mentors: 10 });
    const mentor = people.find((p) => p.id === 'm-000')!;
    mentor.capacity = 2;
    const programs = [
      {
        id: 'np-2026-01',
        data: {
          code: 'НП-2026-01',
          schoolYear: '2026-2027',
          status: 'active',
          mentor: 'm-000',
          mentees: ['e-059'],
          term: { from: '2026-10-01', to: '2027-05-31' },
        },
      },
    ] as unknown as MatchInput['programs'];
    const result = proposeMatches({ ...input(people), programs });
    expect(result.proposals.filter((p) => p.mentor === 'm-000').length).toBeLessThanOrEqual(1);
    expect(result.proposals.some((p) => p.mentee === 'e-059')).toBe(false);
    expect(result.paired).toContain('e-059');
    for (const m of result.mentors) expect(m.load + m.proposed).toBeLessThanOrEqual(m.capacity);
  });

  it('leaves out mentors without a valid processing consent or a signed agreement (ТК РФ ст. 351.8)', () => {
    const people = randomPeople(5, vocab, { mentees: 30, mentors: 20, blocked: 0.5 });
    const result = proposeMatches(input(people));
    const blocked = people.filter(
      (p) => p.roles.includes('mentor') && (!p.mentorAgreement || p.consents.processing.withdrawn || p.consents.processing.validUntil),
    );
    expect(blocked.length).toBeGreaterThan(3);
    for (const b of blocked) {
      expect(result.proposals.some((p) => p.mentor === b.id)).toBe(false);
      expect(result.excludedMentors.find((x) => x.id === b.id)?.reason).toMatch(/ст\. 351\.8|отозвано|истекло/);
    }
  });

  it('excludes a mentee without a valid processing consent and explains unmatched mentees', () => {
    const people = randomPeople(3, vocab, { mentees: 8, mentors: 1 });
    people.find((p) => p.id === 'e-000')!.consents.processing.withdrawn = '2026-02-01';
    const result = proposeMatches(input(people));
    expect(result.excludedMentees).toEqual([{ id: 'e-000', reason: expect.stringMatching(/отозвано/) }]);
    expect(result.unmatched.length).toBeGreaterThan(0);
    for (const u of result.unmatched) expect(u.reason).toMatch(/заняты|не закрывает|не указаны/);
  });

  it('explains a proposal on the demo registry in Russian', async () => {
    const { peopleOf } = await import('../../src/privacy/registry.ts');
    const { loadRegistry } = await import('../../src/privacy/gate.ts');
    const result = proposeMatches({ people: peopleOf(loadRegistry(SCHOOL_FIXTURE)), programs: [], vocab, today: TODAY });
    const p = result.proposals.find((x) => x.mentee === 'p-010')!;
    expect(p.mentor).toBe('p-007');
    expect(p.fits).toEqual(
      expect.arrayContaining([
        'закрывает 3 из 3 запросов: Оценивание и обратная связь, Подготовка к ОГЭ и ЕГЭ, Планирование урока по ФГОС',
        'тот же предмет: Русский язык',
        'наставляемый сам назвал этого наставника',
      ]),
    );
    const p8 = result.proposals.find((x) => x.mentee === 'p-008')!;
    expect(p8.misfits).toContain('не закрыты запросы: Дисциплина и управление классом, Работа с родителями');
  });

  it('solves 500 mentees × 200 mentors in seconds', () => {
    const people = randomPeople(2026, vocab, { mentees: 500, mentors: 200, blocked: 0.1 });
    const started = performance.now();
    const result = proposeMatches(input(people));
    const ms = performance.now() - started;
    console.log(`match 500×200: ${ms.toFixed(0)} ms, pairs ${result.proposals.length}, unmatched ${result.unmatched.length}`);
    expect(result.proposals.length).toBeGreaterThan(100);
    expect(ms).toBeLessThan(30_000);
  });
});
