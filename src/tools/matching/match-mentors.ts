/**
 * Mentor matching (stage 4): who could mentor whom, how well, and the best
 * assignment of all mentees at once.
 *
 * Only mentors with a valid processing consent (152-ФЗ ст. 9) AND a signed
 * written agreement to mentor (ТК РФ ст. 351.8) take part; mentees need a
 * valid processing consent, no pair yet this school year and no programme
 * completed in an earlier one (the curator can still pair them by hand). A
 * pair the curator rejected this school year is never proposed. A pair is worth
 * considering when the mentor covers at least one of the mentee's requests,
 * teaches the same subject or subject area, or was named by the mentee. Its
 * score adds what fits (requests ↔ competencies, subject, experience and
 * category gap, mutual preference, a shared form) and subtracts what does
 * not. The assignment is solved exactly by minimum-cost maximum flow under
 * each mentor's free places: first as many pairs as possible, then the
 * greatest total score. Ids are sorted first, so the result never depends on
 * the order of files.
 */
import { consentState } from '../../privacy/consent-policy.ts';
import type { Programme } from '../../schema/programs.ts';
import type { Person } from '../../schema/registry.ts';
import type { Vocabularies } from '../../schema/settings.ts';
import { CATEGORIES, MENTORING_FORMS } from '../../schema/vocab.ts';
import { FlowNetwork } from '../../lib/min-cost-flow.ts';
import { plural } from '../../lib/plural.ts';
import { schoolYearLabel } from '../../lib/school-year.ts';
import { DEFAULT_CAPACITY } from '../survey/merge.ts';
import { schoolYearOf } from '../../lib/school-year.ts';

/** Points of each criterion. Integers: the solver is exact on integers. */
export const WEIGHTS = {
  /** Per mentee request the mentor lists among competencies. */
  request: 10,
  sameSubject: 12,
  sameArea: 6,
  /** Mentor's experience at least 5 years more than the mentee's. */
  experienceGap: 4,
  experienceSome: 1,
  experienceNone: -4,
  /** Schools usually ask a mentor for 5+ years. */
  mentorJunior: -2,
  categoryHigher: 3,
  categoryLower: -3,
  mentorNoCategory: -2,
  menteePrefers: 15,
  mentorPrefers: 8,
  sharedForm: 3,
  noSharedForm: -1,
} as const;

const CATEGORY_RANK = { none: 0, first: 1, highest: 2 } as const;
const YEARS = ['год', 'года', 'лет'] as const;

export interface PairScore {
  score: number;
  /** Worth proposing at all: covers a request, shares a subject or area, or the mentee asked for this mentor. */
  admissible: boolean;
  /** Russian reasons for the pair. */
  fits: string[];
  /** Russian reasons against. */
  misfits: string[];
  /** Requests the mentor covers, ids. */
  covered: string[];
}

export interface ScoreContext {
  vocab: Vocabularies;
  /** The current calendar year, for experience. */
  year: number;
}

const difficultyLabel = (vocab: Vocabularies, id: string) => vocab.difficulties.find((d) => d.id === id)?.label ?? id;
const subjectOf = (vocab: Vocabularies, id: string) => vocab.subjects.find((s) => s.id === id);

const areaCache = new WeakMap<Vocabularies, Map<string, string>>();
function areaOf(vocab: Vocabularies, subject: string): string | undefined {
  let map = areaCache.get(vocab);
  if (!map) {
    map = new Map(vocab.subjects.map((s) => [s.id, s.area]));
    areaCache.set(vocab, map);
  }
  return map.get(subject);
}

/**
 * Scores a pair; with `explain`, also says why in Russian. One function for
 * both, so the reasons always match the points; the matcher scores every
 * pair without words and explains only the pairs it reports.
 */
function evaluate(mentee: Person, mentor: Person, ctx: ScoreContext, explain: boolean): PairScore {
  const { vocab, year } = ctx;
  const fits: string[] = [];
  const misfits: string[] = [];
  let score = 0;

  const covered = mentee.requests.filter((r) => mentor.competencies.includes(r));
  score += covered.length * WEIGHTS.request;
  if (explain) {
    const uncovered = mentee.requests.filter((r) => !mentor.competencies.includes(r));
    if (covered.length) {
      fits.push(
        `закрывает ${covered.length} из ${mentee.requests.length} запросов: ${covered.map((r) => difficultyLabel(vocab, r)).join(', ')}`,
      );
    }
    if (uncovered.length) misfits.push(`не закрыты запросы: ${uncovered.map((r) => difficultyLabel(vocab, r)).join(', ')}`);
  }

  const sameSubject = mentee.subjects.find((s) => mentor.subjects.includes(s));
  const sharedArea = sameSubject
    ? undefined
    : mentor.subjects.map((s) => areaOf(vocab, s)).find((a) => a !== undefined && mentee.subjects.some((s) => areaOf(vocab, s) === a));
  if (sameSubject) {
    score += WEIGHTS.sameSubject;
    if (explain) fits.push(`тот же предмет: ${subjectOf(vocab, sameSubject)?.label ?? sameSubject}`);
  } else if (sharedArea) {
    score += WEIGHTS.sameArea;
    if (explain) fits.push(`та же предметная область: ${vocab.subjectAreas.find((a) => a.id === sharedArea)?.label ?? sharedArea}`);
  } else if (explain && mentee.subjects.length && mentor.subjects.length) {
    const names = (p: Person) => p.subjects.map((s) => subjectOf(vocab, s)?.label ?? s).join(', ');
    misfits.push(`другой предмет: у наставника ${names(mentor)}, у наставляемого ${names(mentee)}`);
  }

  const mentorYears = Math.max(0, year - mentor.teachingSince);
  const menteeYears = Math.max(0, year - mentee.teachingSince);
  const gap = mentorYears - menteeYears;
  const stated = explain ? `стаж наставника ${plural(mentorYears, YEARS)}, наставляемого — ${plural(menteeYears, YEARS)}` : '';
  if (gap >= 5) {
    score += WEIGHTS.experienceGap;
    if (explain) fits.push(stated);
  } else if (gap > 0) {
    score += WEIGHTS.experienceSome;
    if (explain) misfits.push(`${stated}: разница меньше 5 лет`);
  } else {
    score += WEIGHTS.experienceNone;
    if (explain) misfits.push(`${stated}: наставник не опытнее наставляемого`);
  }
  if (mentorYears < 5) {
    score += WEIGHTS.mentorJunior;
    if (explain) misfits.push('стаж наставника меньше 5 лет');
  }

  const mr = CATEGORY_RANK[mentor.category];
  const er = CATEGORY_RANK[mentee.category];
  if (mentor.category === 'none') {
    score += WEIGHTS.mentorNoCategory;
    if (explain) misfits.push('у наставника нет квалификационной категории');
  } else if (mr > er) {
    score += WEIGHTS.categoryHigher;
    if (explain) fits.push(`категория наставника — ${CATEGORIES[mentor.category]}, у наставляемого — ${CATEGORIES[mentee.category]}`);
  } else if (mr < er) {
    score += WEIGHTS.categoryLower;
    if (explain)
      misfits.push(`категория наставника (${CATEGORIES[mentor.category]}) ниже, чем у наставляемого (${CATEGORIES[mentee.category]})`);
  }

  const menteePrefers = mentee.preferredPeople.includes(mentor.id);
  const mentorPrefers = mentor.preferredPeople.includes(mentee.id);
  if (explain) {
    if (menteePrefers && mentorPrefers) fits.push('выбрали друг друга (например, после флеш-встреч)');
    else if (menteePrefers) fits.push('наставляемый сам назвал этого наставника');
    else if (mentorPrefers) fits.push('наставник сам назвал этого наставляемого');
  }
  if (menteePrefers) score += WEIGHTS.menteePrefers;
  if (mentorPrefers) score += WEIGHTS.mentorPrefers;

  if (mentee.preferredForms.length && mentor.preferredForms.length) {
    const shared = mentee.preferredForms.filter((f) => mentor.preferredForms.includes(f));
    if (shared.length) {
      score += WEIGHTS.sharedForm;
      if (explain) fits.push(`общая предпочитаемая форма: ${shared.map((f) => MENTORING_FORMS[f]).join(', ')}`);
    } else {
      score += WEIGHTS.noSharedForm;
      if (explain) misfits.push('предпочитаемые формы наставничества не совпадают');
    }
  }

  const admissible = mentee.id !== mentor.id && (covered.length > 0 || Boolean(sameSubject) || Boolean(sharedArea) || menteePrefers);
  return { score, admissible, fits, misfits, covered };
}

/** How well `mentor` fits `mentee`, with the reasons in Russian. */
export function scorePair(mentee: Person, mentor: Person, ctx: ScoreContext): PairScore {
  return evaluate(mentee, mentor, ctx, true);
}

export interface Slot {
  id: string;
  /** Free places. */
  free: number;
}

/**
 * The optimal assignment: each mentee to at most one mentor, no mentor over
 * their free places, as many pairs as possible and, among those, the greatest
 * total score. `score` returns undefined for a pair that may not be formed.
 */
export function assign(
  menteeIds: readonly string[],
  mentors: readonly Slot[],
  score: (mentee: string, mentor: string) => number | undefined,
): Map<string, string> {
  const es = [...menteeIds].sort();
  const ms = [...mentors].filter((m) => m.free > 0).sort((a, b) => a.id.localeCompare(b.id));
  const edges: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < es.length; i++) {
    for (let j = 0; j < ms.length; j++) {
      const s = score(es[i]!, ms[j]!.id);
      if (s !== undefined) edges.push({ i, j, s });
    }
  }
  const best = edges.reduce((m, e) => Math.max(m, e.s), 0);
  const source = es.length + ms.length;
  const sink = source + 1;
  const net = new FlowNetwork(sink + 1);
  for (let i = 0; i < es.length; i++) net.addEdge(source, i, 1, 0);
  const edgeIds = edges.map((e) => net.addEdge(e.i, es.length + e.j, 1, best - e.s));
  for (let j = 0; j < ms.length; j++) net.addEdge(es.length + j, sink, ms[j]!.free, 0);
  net.solve(source, sink);
  const result = new Map<string, string>();
  edges.forEach((e, k) => {
    if (net.flowOn(edgeIds[k]!) > 0) result.set(es[e.i]!, ms[e.j]!.id);
  });
  return result;
}

export interface Proposal {
  mentee: string;
  mentor: string;
  score: number;
  fits: string[];
  misfits: string[];
  /** Other admissible mentors with free places, best first. */
  alternatives: { mentor: string; score: number }[];
}

export interface Unmatched {
  mentee: string;
  reason: string;
}

export interface MentorLoad {
  id: string;
  capacity: number;
  /** Mentees already in active or draft programmes this year. */
  load: number;
  proposed: number;
}

export interface MatchResult {
  schoolYear: string;
  today: string;
  proposals: Proposal[];
  unmatched: Unmatched[];
  mentors: MentorLoad[];
  /** Mentors left out of matching, with why. */
  excludedMentors: { id: string; reason: string }[];
  /** Mentees who cannot be matched at all (no valid processing consent). */
  excludedMentees: { id: string; reason: string }[];
  /** Mentees already paired this school year. */
  paired: string[];
  /** Codes of earlier programmes of each mentee in this run, for the curator's context. */
  previous: Record<string, string[]>;
  /** Pairs the curator rejected this school year that would otherwise have been considered. */
  rejected: { mentee: string; mentor: string }[];
  totalScore: number;
}

export interface MatchInput {
  people: readonly Person[];
  programs: readonly { id: string; data: Programme }[];
  vocab: Vocabularies;
  today: string;
  schoolYear?: string;
  /** Pairs the curator rejected for this school year: never proposed. */
  rejected?: readonly { mentee: string; mentor: string }[];
}

/** Programmes that bind their people now: drafts and active ones of this school year, and any active one still running. */
export function bindingProgrammes(programs: MatchInput['programs'], schoolYear: string, today: string) {
  return programs.filter(
    (p) =>
      (p.data.status === 'draft' || p.data.status === 'active') &&
      (p.data.schoolYear === schoolYear || (p.data.status === 'active' && p.data.term.to >= today)),
  );
}

const CONSENT_WHY = { missing: 'нет', withdrawn: 'отозвано', expired: 'истекло' } as const;

/** Why a mentor cannot take part, or undefined when they can. */
export function mentorBlock(p: Person, today: string): string | undefined {
  const state = consentState(p.consents.processing, today);
  if (state !== 'valid') return `согласие на обработку персональных данных: ${CONSENT_WHY[state]}`;
  if (!p.mentorAgreement || p.mentorAgreement.signed > today)
    return 'нет письменного согласия быть наставником (ст. 351.8 ТК РФ) в реестре';
  return undefined;
}

/** Proposes a mentor for every mentee without a pair this school year. */
export function proposeMatches(input: MatchInput): MatchResult {
  const { vocab, today } = input;
  const schoolYear = input.schoolYear ?? schoolYearOf(today);
  const ctx: ScoreContext = { vocab, year: Number(today.slice(0, 4)) };
  const people = [...input.people].sort((a, b) => a.id.localeCompare(b.id));
  const binding = bindingProgrammes(input.programs, schoolYear, today);
  const paired = new Set(binding.flatMap((p) => p.data.mentees));
  const load = new Map<string, number>();
  for (const p of binding) load.set(p.data.mentor, (load.get(p.data.mentor) ?? 0) + p.data.mentees.length);

  const excludedMentees: MatchResult['excludedMentees'] = [];
  const mentees: Person[] = [];
  for (const p of people.filter((x) => x.roles.includes('mentee') && !paired.has(x.id))) {
    const state = consentState(p.consents.processing, today);
    const completed = input.programs
      .filter((x) => x.data.status === 'completed' && x.data.schoolYear < schoolYear && x.data.mentees.includes(p.id))
      .sort((a, b) => b.data.schoolYear.localeCompare(a.data.schoolYear))[0];
    if (state !== 'valid')
      excludedMentees.push({ id: p.id, reason: `согласие на обработку персональных данных: ${CONSENT_WHY[state]} — подбор невозможен` });
    else if (completed)
      excludedMentees.push({
        id: p.id,
        reason: `завершил(а) программу ${completed.data.code} в ${schoolYearLabel(completed.data.schoolYear)} учебном году — повторно не предлагается (если нужна новая пара, примите её вручную: --accept)`,
      });
    else mentees.push(p);
  }
  const rejectedKeys = new Set((input.rejected ?? []).map((r) => `${r.mentee}\u0000${r.mentor}`));
  const isRejected = (e: string, m: string) => rejectedKeys.has(`${e}\u0000${m}`);

  const excludedMentors: MatchResult['excludedMentors'] = [];
  const mentors: Person[] = [];
  const loads: MentorLoad[] = [];
  for (const p of people.filter((x) => x.roles.includes('mentor'))) {
    const block = mentorBlock(p, today);
    const capacity = p.capacity ?? DEFAULT_CAPACITY;
    const used = load.get(p.id) ?? 0;
    if (block) excludedMentors.push({ id: p.id, reason: block });
    else if (used >= capacity) excludedMentors.push({ id: p.id, reason: `все места заняты: ${used} из ${capacity}` });
    else mentors.push(p);
    if (!block) loads.push({ id: p.id, capacity, load: used, proposed: 0 });
  }

  const scores = new Map<string, PairScore>();
  const key = (e: string, m: string) => `${e}\u0000${m}`;
  for (const e of mentees) for (const m of mentors) scores.set(key(e.id, m.id), evaluate(e, m, ctx, false));
  const slots = mentors.map((m) => ({ id: m.id, free: (m.capacity ?? DEFAULT_CAPACITY) - (load.get(m.id) ?? 0) }));
  const chosen = assign(
    mentees.map((e) => e.id),
    slots,
    (e, m) => {
      const s = scores.get(key(e, m))!;
      return s.admissible && !isRejected(e, m) ? s.score : undefined;
    },
  );

  const proposals: Proposal[] = [];
  const unmatched: Unmatched[] = [];
  const byId = new Map(mentors.map((m) => [m.id, m]));
  for (const e of mentees) {
    const options = mentors
      .map((m) => ({ mentor: m.id, s: scores.get(key(e.id, m.id))! }))
      .filter((o) => o.s.admissible && !isRejected(e.id, o.mentor))
      .sort((a, b) => b.s.score - a.s.score || a.mentor.localeCompare(b.mentor));
    const mentor = chosen.get(e.id);
    if (mentor) {
      const s = scorePair(e, byId.get(mentor)!, ctx);
      proposals.push({
        mentee: e.id,
        mentor,
        score: s.score,
        fits: s.fits,
        misfits: s.misfits,
        alternatives: options
          .filter((o) => o.mentor !== mentor)
          .slice(0, 2)
          .map((o) => ({ mentor: o.mentor, score: o.s.score })),
      });
      loads.find((l) => l.id === mentor)!.proposed++;
      continue;
    }
    if (options.length) {
      unmatched.push({
        mentee: e.id,
        reason: `подходящие наставники (${options.map((o) => o.mentor).join(', ')}) заняты: их места отданы парам с большим совпадением`,
      });
      continue;
    }
    const blocked = people
      .filter((m) => m.roles.includes('mentor') && !mentors.includes(m) && evaluate(e, m, ctx, false).admissible)
      .map((m) => `${m.id} — ${excludedMentors.find((x) => x.id === m.id)?.reason ?? 'не участвует'}`);
    const requests = e.requests.length
      ? 'ни один доступный наставник не закрывает запросы наставляемого'
      : 'у наставляемого не указаны запросы';
    const refused = mentors.filter((m) => isRejected(e.id, m.id) && scores.get(key(e.id, m.id))!.admissible).map((m) => m.id);
    if (refused.length) {
      unmatched.push({
        mentee: e.id,
        reason: `пары с подходящими наставниками (${refused.join(', ')}) отклонены куратором; других подходящих наставников нет`,
      });
      continue;
    }
    unmatched.push({
      mentee: e.id,
      reason: `${requests} и не ведёт тот же предмет или предметную область${blocked.length ? `; подошли бы, но не участвуют: ${blocked.join('; ')}` : ''}`,
    });
  }
  return {
    schoolYear,
    today,
    proposals,
    unmatched,
    mentors: loads,
    excludedMentors,
    excludedMentees,
    paired: [...paired].filter((id) => people.some((p) => p.id === id)).sort(),
    previous: Object.fromEntries(
      mentees
        .map(
          (e) =>
            [
              e.id,
              input.programs
                .filter((p) => p.data.mentees.includes(e.id) && !binding.includes(p))
                .map((p) => p.data.code)
                .sort(),
            ] as const,
        )
        .filter(([, codes]) => codes.length > 0),
    ),
    rejected: (input.rejected ?? [])
      .filter((r) => mentees.some((e) => e.id === r.mentee))
      .map((r) => ({ mentee: r.mentee, mentor: r.mentor })),
    totalScore: proposals.reduce((s, p) => s + p.score, 0),
  };
}
