import { describe, expect, it } from 'vitest';
import { anonymousDescriptor, descriptorAt, positionWith } from '../../src/privacy/anonymise.ts';
import type { Person } from '../../src/schema/registry.ts';
import type { Vocabularies } from '../../src/schema/settings.ts';

const vocab: Vocabularies = {
  subjectAreas: [
    { id: 'natural-sciences', label: 'Естественные науки', genitive: 'естественных наук' },
    { id: 'mathematics-it', label: 'Математика и информатика' },
  ],
  subjects: [
    { id: 'chemistry', label: 'Химия', area: 'natural-sciences', genitive: 'химии' },
    { id: 'biology', label: 'Биология', area: 'natural-sciences', genitive: 'биологии' },
    { id: 'math', label: 'Математика', area: 'mathematics-it', genitive: 'математики' },
  ],
  difficulties: [],
};

let n = 0;
function teacher(subject: string, category: Person['category'], since: number, roles: Person['roles'] = ['mentor']): Person {
  n++;
  return {
    id: `p-${n}`,
    demo: true,
    name: { last: `Фамилия${n}`, first: 'Имя' },
    gender: 'female',
    roles,
    position: 'Учитель',
    subjects: [subject],
    category,
    teachingSince: since,
    requests: [],
    competencies: [],
    capacity: 2,
    preferredForms: [],
    preferredPeople: [],
    consents: { processing: { signed: '2025-09-01' } },
  } as Person;
}

const ctx = { vocab, year: 2026 };

describe('descriptorAt', () => {
  const p = teacher('chemistry', 'highest', 2001);
  it('goes from specific to general', () => {
    expect(descriptorAt(p, 'mentor', 0, ctx)).toBe('учитель химии, высшая категория, стаж более 20 лет');
    expect(descriptorAt(p, 'mentor', 1, ctx)).toBe('учитель естественных наук, высшая категория, стаж более 20 лет');
    expect(descriptorAt(p, 'mentor', 2, ctx)).toBe('учитель естественных наук, стаж более 10 лет');
    expect(descriptorAt(p, 'mentor', 3, ctx)).toBe('учитель');
    expect(descriptorAt(p, 'mentor', 4, ctx)).toBe('педагог-наставник');
  });

  it('falls back to the nominative in brackets without a genitive form', () => {
    expect(descriptorAt(teacher('math', 'first', 2024), 'mentee', 1, ctx)).toBe(
      'учитель (математика и информатика), первая категория, стаж до 3 лет',
    );
  });
});

describe('anonymousDescriptor (k-anonymity over the registry)', () => {
  it('never singles out the only chemistry teacher', () => {
    const chemist = teacher('chemistry', 'highest', 2001);
    const biologist = teacher('biology', 'highest', 2003);
    const population = [chemist, biologist, teacher('math', 'first', 2024, ['mentee'])];
    const d = anonymousDescriptor(chemist, 'mentor', population, 2, ctx);
    expect(d.text).toBe('учитель естественных наук, высшая категория, стаж более 20 лет');
    expect(d.shared).toBe(2);
    expect(d.text).not.toContain('химии');
  });

  it('keeps the specific description when k people share it', () => {
    const a = teacher('chemistry', 'highest', 2001);
    const b = teacher('chemistry', 'highest', 1999);
    expect(anonymousDescriptor(a, 'mentor', [a, b], 2, ctx)).toMatchObject({ level: 0, shared: 2 });
  });

  it('widens as k grows and reports when even the role is too rare', () => {
    const a = teacher('chemistry', 'highest', 2001);
    const b = teacher('math', 'first', 2015);
    const c = teacher('biology', 'none', 2024, ['mentee']);
    expect(anonymousDescriptor(a, 'mentor', [a, b, c], 3, ctx)).toMatchObject({ text: 'учитель', level: 3, shared: 3 });
    const d = anonymousDescriptor({ ...a, position: 'Педагог-психолог' }, 'mentor', [{ ...a, position: 'Педагог-психолог' }, b, c], 3, ctx);
    expect(d).toMatchObject({ level: 4, text: 'педагог-наставник', shared: 2 });
  });
});

describe('a position that already names its subject', () => {
  it('is not followed by the subject again', () => {
    const p = { ...teacher('chemistry', 'first', 2010), position: 'учитель химии' };
    expect(descriptorAt(p, 'mentor', 0, { vocab, year: 2026 })).toBe('учитель химии, первая категория, стаж от 10 до 20 лет');
  });
});

describe('positionWith', () => {
  it('adds the subject once: a position that already names it is left alone', () => {
    const primary = { label: 'Начальные классы', genitive: 'начальных классов' };
    expect(positionWith('учитель начальных классов', primary)).toBe('учитель начальных классов');
    expect(positionWith('учитель', primary)).toBe('учитель начальных классов');
    expect(positionWith('учитель', { label: 'Химия' })).toBe('учитель (химия)');
  });
});
