/**
 * The benchmark corpus, generated: registry people with consents in every
 * state the privacy gate knows, news, personalised programmes, and the
 * authors and longer bodies added to the practices bank (the bank itself
 * comes from bench/search.ts). Pure functions of a seed, so a
 * corpus is reproducible byte for byte.
 *
 * Every entry passes validation: people are referenced only while their
 * processing consent is valid, and no text mentions a registry name — an
 * entry the privacy gate withheld would not be built and would skew the
 * figures.
 */
import { parse, stringify } from 'yaml';
import { entryFileName } from '../../cms/file-names.ts';
import { LEVELS, PLAN_DIRECTIONS } from '../../src/schema/vocab.ts';
import * as P from './phrases.ts';
import type { Random } from './random.ts';

/** The district scale of the benchmark (scale 1). */
export const FULL_SCALE = { practices: 5000, news: 2000, programs: 300, people: 200 } as const;

export type CorpusCounts = { -readonly [K in keyof typeof FULL_SCALE]: number };

/** People the registry can hold: each needs a first name and patronymic pair no one else has. */
export const MAX_PEOPLE = (P.FEMALE_NAMES.length + P.MALE_NAMES.length) * P.PATRONYMICS.length;

/**
 * Entry counts at a scale; never so few that a role or a list page is empty.
 * The registry stops at MAX_PEOPLE (beyond scale 1.2): it is a few per cent
 * of the entries, and a name shared by two people would make the privacy
 * review withhold pages.
 */
export function countsAt(scale: number): CorpusCounts {
  const at = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  return {
    practices: at(FULL_SCALE.practices, 10),
    news: at(FULL_SCALE.news, 10),
    programs: at(FULL_SCALE.programs, 5),
    people: Math.min(MAX_PEOPLE, at(FULL_SCALE.people, 20)),
  };
}

/** A file of the content root: path relative to it (POSIX) and text. */
export interface GeneratedFile {
  path: string;
  text: string;
}

export type ConsentCase =
  | 'named'
  | 'other-site'
  | 'dissemination-withdrawn'
  | 'dissemination-expired'
  | 'no-dissemination'
  | 'processing-withdrawn'
  | 'processing-expired'
  | 'tombstone';

/** Shares of the consent cases in the generated registry. */
const CONSENT_CASES: readonly (readonly [ConsentCase, number])[] = [
  ['named', 0.35],
  ['other-site', 0.1],
  ['dissemination-withdrawn', 0.1],
  ['dissemination-expired', 0.1],
  ['no-dissemination', 0.2],
  ['processing-withdrawn', 0.05],
  ['processing-expired', 0.05],
  ['tombstone', 0.05],
];

export interface GeneratedPerson {
  id: string;
  role: 'mentor' | 'mentee' | 'curator';
  consent: ConsentCase;
  /** Processing consent valid: content may reference the person. */
  referable: boolean;
}

const SITE = 'https://nastavnik.licey126.example/';
const OFFICIAL_SITE = 'https://licey126.example/';

/** Fills the slots of a phrase. */
function fill(rnd: Random, phrase: string): string {
  return phrase
    .replace(/\{subject\}/g, () => rnd.pick(P.SUBJECTS)[1])
    .replace(/\{grade\}/g, () => String(rnd.int(5, 11)))
    .replace(/\{inMonth\}/g, () => rnd.pick(P.MONTHS_IN))
    .replace(/\{place\}/g, () => rnd.pick(P.PLACES))
    .replace(/\{year\}/g, () => String(rnd.int(2019, 2026)));
}

const sentences = (rnd: Random, from: readonly string[], min: number, max: number) =>
  rnd.sample(from, rnd.int(min, max)).map((s) => fill(rnd, s));

const paragraph = (rnd: Random, from: readonly string[], min: number, max: number) => sentences(rnd, from, min, max).join(' ');

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function list(rnd: Random, min: number, max: number, numbered: boolean): string {
  return sentences(rnd, P.LIST_ITEMS, min, max)
    .map((item, i) => `${numbered ? `${i + 1}.` : '-'} ${capitalise(item)}.`)
    .join('\n');
}

/** Front matter and body as the CMS writes them. */
const markdown = (data: Record<string, unknown>, body: string) => `---\n${stringify(data)}---\n\n${body.trim()}\n`;

function splitMarkdown(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)---\n\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error('в файле нет блока полей между строками «---»');
  return { data: parse(m[1]!) as Record<string, unknown>, body: m[2]! };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function consentCase(rnd: Random): ConsentCase {
  let x = rnd.next();
  for (const [c, share] of CONSENT_CASES) {
    if ((x -= share) < 0) return c;
  }
  return 'named';
}

function consents(c: ConsentCase, n: number): Record<string, unknown> {
  const processing: Record<string, unknown> = { signed: '2024-08-28', document: `Согласие на обработку ПДн № ${n}/2024` };
  if (c === 'processing-withdrawn') processing.withdrawn = '2025-12-01';
  if (c === 'processing-expired') processing.validUntil = '2025-06-30';
  const dissemination = (extra: Record<string, unknown>, resources = [SITE]) => ({
    signed: '2024-08-28',
    document: `Согласие на распространение ПДн № ${n}-Р/2024`,
    ...extra,
    resources,
    allow: ['name', 'position', 'subjects', 'role'],
  });
  switch (c) {
    case 'named':
      return { processing, dissemination: dissemination({}) };
    case 'other-site':
      return { processing, dissemination: dissemination({}, [OFFICIAL_SITE]) };
    case 'dissemination-withdrawn':
      return { processing, dissemination: dissemination({ withdrawn: '2025-11-15' }) };
    case 'dissemination-expired':
      return { processing, dissemination: dissemination({ validUntil: '2025-06-30' }) };
    default:
      return { processing };
  }
}

/**
 * The registry: curators, mentors and mentees in fixed proportions (every
 * role has enough people for k-anonymous descriptors), consents at random.
 * Each person's first name and patronymic pair is unique, so a name on a
 * page can only be that person's.
 */
export function generatePeople(rnd: Random, count: number): { files: GeneratedFile[]; people: GeneratedPerson[] } {
  const pairs = (names: readonly string[], gender: 0 | 1) =>
    names.flatMap((first) => P.PATRONYMICS.map((p) => [first, p[gender]] as const));
  const female = rnd.sample(pairs(P.FEMALE_NAMES, 1), P.FEMALE_NAMES.length * P.PATRONYMICS.length);
  const male = rnd.sample(pairs(P.MALE_NAMES, 0), P.MALE_NAMES.length * P.PATRONYMICS.length);
  if (count > female.length + male.length) throw new Error(`не больше ${female.length + male.length} участников`);
  const files: GeneratedFile[] = [];
  const people: GeneratedPerson[] = [];
  for (let i = 0; i < count; i++) {
    const id = `p-${pad(1001 + i, 4)}`;
    const role = i % 20 === 0 ? 'curator' : i % 3 === 1 ? 'mentor' : 'mentee';
    const consent = consentCase(rnd);
    people.push({ id, role, consent, referable: !['processing-withdrawn', 'processing-expired', 'tombstone'].includes(consent) });
    if (consent === 'tombstone') {
      files.push({
        path: `registry/people/${id}.yaml`,
        text: stringify({ id, tombstone: true, withdrawn: '2025-10-01', purged: '2025-10-20' }),
      });
      continue;
    }
    const isFemale = (female.length > 0 && rnd.chance(0.75)) || male.length === 0;
    const [first, middle] = (isFemale ? female : male).pop()!;
    const last = rnd.pick(P.SURNAMES) + (isFemale ? 'а' : '');
    const subject = rnd.pick(P.SUBJECTS)[0];
    const person: Record<string, unknown> = {
      id,
      demo: true,
      name: { last, first, middle },
      gender: isFemale ? 'female' : 'male',
      roles: [role],
      position: rnd.pick(P.POSITIONS[role]),
      subjects: [subject],
      category: rnd.pick(['none', 'first', 'highest']),
      teachingSince: role === 'mentee' ? rnd.int(2019, 2025) : rnd.int(1985, 2015),
    };
    if (rnd.chance(0.5)) person.email = `${id}@licey126.example`;
    if (role === 'mentee') person.requests = rnd.sample(P.DIFFICULTIES, rnd.int(1, 3));
    if (role === 'mentor') {
      person.competencies = rnd.sample(P.DIFFICULTIES, rnd.int(2, 5));
      person.capacity = rnd.int(1, 3);
      person.mentorAgreement = { signed: '2024-09-01', document: `доп. соглашение № ${i + 1} к трудовому договору` };
    }
    person.consents = consents(consent, i + 1);
    files.push({ path: `registry/people/${id}.yaml`, text: `# Вымышленный человек (корпус замера).\n${stringify(person)}` });
  }
  return { files, people };
}

/** A date between 2019-09-01 and 2026-10-31. */
function newsDate(rnd: Random): string {
  const start = Date.UTC(2019, 8, 1);
  const end = Date.UTC(2026, 9, 31);
  return new Date(start + Math.floor(rnd.next() * ((end - start) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

function newsBody(rnd: Random): string {
  const parts = [paragraph(rnd, P.NEWS_SENTENCES, 2, 4)];
  const sections = rnd.pick([0, 1, 1, 2, 2, 3, 5]);
  for (const heading of rnd.sample(P.NEWS_HEADINGS, sections)) {
    parts.push(`## ${heading}`);
    if (rnd.chance(0.5)) parts.push(list(rnd, 3, 6, false));
    for (let i = rnd.int(1, 3); i > 0; i--) parts.push(paragraph(rnd, P.NEWS_SENTENCES, 1, 4));
  }
  return parts.join('\n\n');
}

/** News items with file names as the CMS gives them. */
export function generateNews(rnd: Random, count: number): GeneratedFile[] {
  const taken = new Set<string>();
  const files: GeneratedFile[] = [];
  for (let i = 0; i < count; i++) {
    const data: Record<string, unknown> = {
      title: fill(rnd, rnd.pick(P.NEWS_TITLES)),
      date: newsDate(rnd),
      summary: paragraph(rnd, P.NEWS_SENTENCES, 1, 2),
      ...(rnd.chance(0.8) ? { stage: rnd.int(1, 7) } : {}),
      level: rnd.pick(Object.keys(LEVELS)),
      tags: rnd.sample(P.NEWS_TAGS, rnd.int(1, 3)),
    };
    let name = entryFileName('news', data);
    for (let n = 1; taken.has(name); n++) name = `${entryFileName('news', data)}-${n}`;
    taken.add(name);
    files.push({ path: `news/${name}.md`, text: markdown(data, newsBody(rnd)) });
  }
  return files;
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Programmes of pairs and groups over seven school years, each referencing referable people by role. */
export function generateProgrammes(rnd: Random, count: number, people: readonly GeneratedPerson[]): GeneratedFile[] {
  const of = (role: GeneratedPerson['role']) => people.filter((p) => p.referable && p.role === role).map((p) => p.id);
  const mentors = of('mentor');
  const mentees = of('mentee');
  const curators = of('curator');
  if (mentors.length < 1 || mentees.length < 4) throw new Error('в реестре мало наставников или наставляемых для программ');
  const perYear = new Map<number, number>();
  const files: GeneratedFile[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2019 + (i % 8);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const kind = rnd.chance(0.75) ? 'pair' : 'group';
    const startMonth = rnd.int(9, 11);
    const months = rnd.int(3, 9);
    const endMonth0 = startMonth - 1 + months - 1;
    const endYear = year + Math.floor(endMonth0 / 12);
    const endMonth = (endMonth0 % 12) + 1;
    const status = year >= 2026 ? (rnd.chance(0.5) ? 'active' : 'draft') : year === 2025 ? 'active' : 'completed';
    const subject = rnd.pick(P.SUBJECTS)[1];
    const withSubject = (s: string) => s.replace(/\{subject\}/g, subject);
    const directions = rnd.sample(Object.keys(PLAN_DIRECTIONS), rnd.int(2, 7));
    const data: Record<string, unknown> = {
      code: `НП-${year}-${pad(seq, 3)}`,
      title: withSubject(rnd.pick(P.PROGRAM_TITLES)),
      schoolYear: `${year}-${year + 1}`,
      form: rnd.pick(['traditional', 'group', 'virtual', 'reverse', 'situational', 'short-term']),
      pairing: rnd.chance(0.85) ? 'teacher-teacher' : 'head-teacher',
      kind,
      mentor: rnd.pick(mentors),
      mentees: rnd.sample(mentees, kind === 'pair' ? 1 : rnd.int(2, 4)),
      ...(curators.length && rnd.chance(0.8) ? { curator: rnd.pick(curators) } : {}),
      term: { from: `${year}-${pad(startMonth, 2)}-01`, to: `${endYear}-${pad(endMonth, 2)}-${lastDay(endYear, endMonth)}` },
      goal: withSubject(rnd.pick(P.PROGRAM_GOALS)),
      tasks: rnd.sample(P.PROGRAM_TASKS, rnd.int(2, 5)),
      plan: directions.map((direction) => ({
        direction,
        activity: rnd.pick(P.PLAN_ACTIVITIES[direction]!),
        when: rnd.pick(rnd.chance(0.5) ? P.MONTHS : P.FREQUENCIES),
        planned: rnd.pick(P.PLAN_RESULTS),
        ...(status === 'completed' ? { actual: 'Протокол встречи, лист наблюдения', done: true } : { done: false }),
      })),
      expectedResults: rnd.sample(P.PROGRAM_RESULTS, rnd.int(1, 3)),
      status,
      ...(status === 'completed' ? { outcomes: rnd.pick(P.PROGRAM_OUTCOMES) } : {}),
    };
    const body = rnd.sample(P.PROGRAM_NOTES, rnd.int(1, 3)).join('\n\n');
    files.push({ path: `programs/${entryFileName('programs', data)}.md`, text: markdown(data, body) });
  }
  return files;
}

/**
 * A generated practice of the bank with authors (some of whom may be named
 * on the site, some not) and a longer body with numbered and bulleted lists.
 */
export function enrichPractice(text: string, rnd: Random, people: readonly GeneratedPerson[]): string {
  const { data, body } = splitMarkdown(text);
  const authors = people.filter((p) => p.referable && p.role !== 'curator').map((p) => p.id);
  if (authors.length && rnd.chance(0.4)) data.authors = rnd.sample(authors, rnd.int(1, 2));
  const parts = [body.trim()];
  for (const heading of rnd.sample(P.PRACTICE_HEADINGS, rnd.int(1, 3))) {
    parts.push(`## ${heading}`, list(rnd, 3, 7, heading === 'Шаги практики'));
    if (rnd.chance(0.6)) parts.push(paragraph(rnd, P.PRACTICE_SENTENCES, 1, 3));
  }
  return markdown(data, parts.join('\n\n'));
}

/** The edit of the warm rebuild: a news item's title and body change, as an editor would change them. */
export function editNews(text: string): string {
  const { data, body } = splitMarkdown(text);
  data.title = `${String(data.title)} (дополнено)`;
  return markdown(data, `${body.trim()}\n\nДополнено: опубликованы материалы встречи и ответы на вопросы участников.`);
}
