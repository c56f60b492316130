/**
 * Accepting a pair: a valid draft programme with plan directions inferred
 * from the mentee's requests — and never the requests themselves; refusals
 * name the reason. Also the `npm run match` command and its private report.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AcceptError, draftProgramme, planDirections, programmeTerm } from '../../src/tools/matching/accept.ts';
import { readVocabularies } from '../../src/validate/site-settings.ts';
import { loadRegistry, reviewContent } from '../../src/privacy/gate.ts';
import { peopleOf } from '../../src/privacy/registry.ts';
import type { Programme } from '../../src/schema/programs.ts';
import { PLAN_DIRECTIONS } from '../../src/schema/vocab.ts';
import { SCHOOL_FIXTURE } from '../helpers/paths.ts';
import { runNode } from '../helpers/run.ts';
import { copyDemoContent, type ContentCopy } from './helpers/content-copy.ts';

const TODAY = '2026-11-24';
const people = new Map(peopleOf(loadRegistry(SCHOOL_FIXTURE)).map((p) => [p.id, p]));
const programs = [...reviewContent(SCHOOL_FIXTURE).entries.get('programs')!.values()].map((e) => ({
  id: e.id,
  data: e.parsed as unknown as Programme,
}));
const vocab = readVocabularies(SCHOOL_FIXTURE)!;

let copy: ContentCopy | undefined;
afterEach(() => copy?.cleanup());

describe('draftProgramme', () => {
  it('writes a valid draft with the next code, the people by id and directions from the requests', () => {
    const draft = draftProgramme({ mentor: 'p-002', mentees: ['p-008'], people, programs, today: TODAY, schoolYear: '2026-2027' });
    expect(draft.id).toBe('np-2026-01');
    expect(draft.data).toMatchObject({
      code: 'НП-2026-01',
      status: 'draft',
      kind: 'pair',
      mentor: 'p-002',
      mentees: ['p-008'],
      curator: 'p-001',
      form: 'traditional',
    });
    // p-008 asks about discipline, oge-ege and parents: lessons, normative, upbringing; adaptation always first.
    expect((draft.data.plan as { direction: string }[]).map((r) => r.direction)).toEqual([
      'adaptation',
      'normative',
      'lessons',
      'upbringing',
    ]);
    expect(draft.text).toMatch(/^---\ncode: НП-2026-01\n/);
    expect(draft.text).toContain('mentees: [p-008]');
  });

  it('never writes the mentee’s difficulties or their own words into the programme', () => {
    const draft = draftProgramme({ mentor: 'p-007', mentees: ['p-010'], people, programs, today: TODAY, schoolYear: '2026-2027' });
    const requests = people.get('p-010')!.requests;
    for (const id of requests) {
      // A direction may share its code with a difficulty («assessment»); the difficulty's own code and name never appear.
      if (!(id in PLAN_DIRECTIONS)) expect(draft.text).not.toContain(id);
      expect(draft.text).not.toContain(vocab.difficulties.find((d) => d.id === id)!.label);
    }
    expect(draft.text).not.toContain('сочинений');
    expect(draft.text).not.toContain('requests');
  });

  it('forms a group for several mentees and checks the mentor’s free places', () => {
    const group = draftProgramme({
      mentor: 'p-004',
      mentees: ['p-009', 'p-011', 'p-012'],
      people,
      programs,
      today: TODAY,
      schoolYear: '2026-2027',
    });
    expect(group.data).toMatchObject({ kind: 'group', form: 'group' });
    expect(() =>
      draftProgramme({ mentor: 'p-002', mentees: ['p-008', 'p-009', 'p-010'], people, programs, today: TODAY, schoolYear: '2026-2027' }),
    ).toThrow(/свободных мест 2 из 2, а наставляемых 3/);
  });

  it('refuses a mentor without a signed agreement, an unknown person and a mentee already paired', () => {
    const noAgreement = new Map(people);
    const p5 = structuredClone(people.get('p-005')!);
    delete p5.mentorAgreement;
    noAgreement.set('p-005', p5);
    expect(() =>
      draftProgramme({ mentor: 'p-005', mentees: ['p-014'], people: noAgreement, programs, today: TODAY, schoolYear: '2026-2027' }),
    ).toThrow(/351\.8/);
    expect(() => draftProgramme({ mentor: 'p-002', mentees: ['p-404'], people, programs, today: TODAY, schoolYear: '2026-2027' })).toThrow(
      AcceptError,
    );
    expect(() => draftProgramme({ mentor: 'p-002', mentees: ['p-013'], people, programs, today: TODAY, schoolYear: '2026-2027' })).toThrow(
      /уже в программе НП-2025-04/,
    );
  });

  it('plans a term of 3 to 12 months that ends with the school year when it can', () => {
    expect(programmeTerm('2026-11-24', '2026-2027')).toEqual({ from: '2026-12-01', to: '2027-05-31' });
    // 1 May 2027 is a Saturday and a holiday, moved to Monday 3 May: the programme starts on Tuesday 4 May.
    expect(programmeTerm('2027-04-10', '2026-2027')).toEqual({ from: '2027-05-04', to: '2027-10-31' });
    // 1 November 2026 is a Sunday.
    expect(programmeTerm('2026-10-05', '2026-2027')).toEqual({ from: '2026-11-02', to: '2027-05-31' });
    expect(planDirections([])).toEqual(['adaptation']);
  });
});

describe('npm run match', () => {
  const match = (args: string[]) =>
    runNode(['scripts/match.ts', ...args], { CONTENT_DIR: copy!.dir, SITE_TODAY: TODAY, PRIVATE_DIR: copy!.privateDir }, 60_000);

  it('writes a private Markdown and JSON report with explanations, outside dist/', async () => {
    copy = copyDemoContent();
    const r = await match([]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Подбор наставников, 2026-2027 учебный год: предложено/);
    const md = fs.readFileSync(path.join(copy.privateDir, 'match', '2026-2027_2026-11-24.md'), 'utf8');
    expect(md).toContain('Закрытый документ');
    expect(md).toMatch(/### \d+\. Белова Ольга Сергеевна \(p-014\) → Ким Елена Викторовна \(p-005\)/);
    expect(md).toContain('Почему этот наставник:');
    expect(md).toContain('npm run match -- --accept p-014=p-005');
    const json = JSON.parse(fs.readFileSync(path.join(copy.privateDir, 'match', '2026-2027_2026-11-24.json'), 'utf8'));
    expect(json.proposals.find((p: { mentee: string }) => p.mentee === 'p-014')).toMatchObject({
      mentor: 'p-005',
      menteeName: 'Белова Ольга Сергеевна',
    });
  });

  it('accepts a pair into a draft programme that passes validation', async () => {
    copy = copyDemoContent();
    const r = await match(['--accept', 'p-010=p-007']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/проект программы НП-2026-01/);
    expect(copy.exists('programs/np-2026-01.md')).toBe(true);
    expect(reviewContent(copy.dir).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const refused = await match(['--accept', 'p-010=p-002']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/p-010: уже в программе НП-2026-01/);
  });
});
