/**
 * Preview of a personalised programme, laid out as src/pages/programs/[id].astro,
 * with the same headings (src/lib/programme-form.ts).
 * People appear by registry id only, as on the site before the privacy policy
 * resolves them: a preview never shows a name the page might not.
 */
import { MENTORING_FORMS, PLAN_DIRECTIONS, PROGRAMME_STATUSES, ROLE_PAIRINGS } from '../../src/schema/vocab.ts';
import {
  PLAN_COLUMNS,
  planCells,
  programmeLabel,
  SECTION_GOAL,
  SECTION_OUTCOMES,
  SECTION_PLAN,
  SECTION_RESULTS,
  SECTION_TASKS,
} from '../../src/lib/programme-form.ts';
import { Body, dataOf, formatPeriod, h, label, list, Page, str, t, type PreviewProps } from './kit.ts';

export function ProgrammePreview(props: PreviewProps) {
  const d = dataOf(props);
  const term = (d.term ?? {}) as { from?: string; to?: string };
  const plan = list(d.plan) as Record<string, unknown>[];
  const directions = Object.keys(PLAN_DIRECTIONS).filter((k) => plan.some((r) => r.direction === k));
  const mentees = list(d.mentees).map(str);
  return h(
    Page,
    null,
    h('h1', null, h('span', { className: 'muted' }, `${str(d.code)}.`), ' ', t(d.title)),
    h(
      'table',
      null,
      h(
        'tbody',
        null,
        h('tr', null, h('th', { scope: 'row' }, programmeLabel('schoolYear')), h('td', null, str(d.schoolYear))),
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, programmeLabel('form')),
          h('td', null, `${label(MENTORING_FORMS, d.form)}, ${label(ROLE_PAIRINGS, d.pairing)}`),
        ),
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, d.kind === 'group' ? 'Группа' : 'Пара'),
          h('td', null, `наставник — участник ${str(d.mentor)}; наставляемые — ${mentees.join(', ')} (на сайте — описание по согласию)`),
        ),
        term.from && term.to
          ? h('tr', null, h('th', { scope: 'row' }, programmeLabel('term')), h('td', null, formatPeriod(term.from, term.to)))
          : null,
        h('tr', null, h('th', { scope: 'row' }, programmeLabel('status')), h('td', null, label(PROGRAMME_STATUSES, d.status ?? 'draft'))),
      ),
    ),
    h('h2', null, SECTION_GOAL),
    h('p', null, t(d.goal)),
    h('h2', null, SECTION_TASKS),
    h(
      'ol',
      null,
      list(d.tasks).map((x, i) => h('li', { key: i }, t(x))),
    ),
    h('h2', null, SECTION_PLAN),
    directions.map((dir) =>
      h(
        'section',
        { key: dir },
        h(
          'h3',
          null,
          label(PLAN_DIRECTIONS, dir).replace(/^./, (c) => c.toUpperCase()),
        ),
        h(
          'table',
          null,
          h('thead', null, h('tr', null, ...PLAN_COLUMNS.slice(1).map((c) => h('th', { key: c, scope: 'col' }, c)))),
          h(
            'tbody',
            null,
            plan
              .filter((r) => r.direction === dir)
              .map((r, i) =>
                h(
                  'tr',
                  { key: i },
                  ...planCells({
                    activity: str(r.activity),
                    when: str(r.when),
                    planned: str(r.planned),
                    actual: r.actual ? str(r.actual) : undefined,
                    done: r.done === true,
                  }).map((cell, j) => h('td', { key: j }, cell)),
                ),
              ),
          ),
        ),
      ),
    ),
    h('h2', null, SECTION_RESULTS),
    h(
      'ul',
      null,
      list(d.expectedResults).map((x, i) => h('li', { key: i }, t(x))),
    ),
    d.outcomes ? [h('h2', { key: 'oh' }, SECTION_OUTCOMES), h('p', { key: 'op' }, t(d.outcomes))] : null,
    h(Body, null, props.widgetFor('body')),
  );
}
