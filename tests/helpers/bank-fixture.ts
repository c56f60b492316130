/**
 * A district-sized bank for tests: a few hundred generated practices added
 * to a copy of the minimal fixture, spread over every form, year, material and
 * both vocabularies' subjects and difficulties, some of them best. Each
 * summary names a mentor («наставник»), so one query finds them all.
 */
import type { TempContent } from './fixture.ts';

const FORMS = ['traditional', 'group', 'virtual', 'reverse', 'situational', 'flash', 'short-term'];
const TARGETS = ['young-specialists', 'new-staff', 'new-subject', 'mentors', 'all-teachers'];
const LEVELS = ['primary', 'basic', 'secondary'];
const MATERIALS = ['method-guide', 'case', 'scenario', 'video', 'checklist', 'template'];
const TOPICS = ['Дисциплина на уроке', 'Первое родительское собрание', 'Разбор урока по листу наблюдения', 'Проверка работ вдвоём'];

/** The text of generated practice `n`. */
function practice(n: number): string {
  const best = n % 23 === 0 ? [`best: { year: 2026, event: itogovaya-konferenciya }`] : [];
  return [
    '---',
    `title: "${TOPICS[n % TOPICS.length]}: опыт пары № ${n}"`,
    `summary: Наставник и молодой учитель разбирают, что получилось, и договариваются о следующем шаге (пара № ${n}).`,
    `year: ${2021 + (n % 6)}`,
    `form: ${FORMS[n % FORMS.length]}`,
    `targetGroup: ${TARGETS[n % TARGETS.length]}`,
    `subjects: [${['math', 'chemistry', ''][n % 3]}]`,
    `levels: [${LEVELS[n % LEVELS.length]}]`,
    `difficulties: [${n % 2 ? 'discipline' : 'parents'}]`,
    `materialType: ${MATERIALS[n % MATERIALS.length]}`,
    'results: Наставляемый сам планирует урок.',
    `status: ${n % 4 ? 'review' : 'recommended'}`,
    ...best,
    '---',
    `Пара встречается раз в неделю. Наставник посещает урок, затем вместе разбирают лист наблюдения (пара № ${n}).`,
    '',
  ].join('\n');
}

/** Adds `count` generated practices to a copy of a fixture, besides its own. */
export function addPractices(content: TempContent, count: number): void {
  for (let n = 1; n <= count; n++) content.write(`practices/para-${n}.md`, practice(n));
}
