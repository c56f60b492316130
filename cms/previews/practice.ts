/** Preview of a practice of the bank, laid out as src/pages/practices/[id].astro. */
import { MATERIAL_TYPES, MENTORING_FORMS, PRACTICE_STATUSES, SCHOOL_LEVELS, TARGET_GROUPS } from '../../src/schema/vocab.ts';
import { Body, Cover, dataOf, h, label, list, Page, str, t, type PreviewProps } from './kit.ts';

const row = (name: string, value: string) => (value ? h('tr', { key: name }, h('th', { scope: 'row' }, name), h('td', null, value)) : null);

export function PracticePreview(props: PreviewProps) {
  const d = dataOf(props);
  const best = d.best as { year?: number } | undefined;
  return h(
    Page,
    null,
    h('h1', null, t(d.title)),
    best?.year ? h('p', { className: 'notice' }, `Лучшая практика ${best.year} года`) : null,
    d.summary ? h('p', { className: 'lead' }, t(d.summary)) : null,
    h(Cover, { props, value: d.cover }),
    h(
      'table',
      null,
      h(
        'tbody',
        null,
        row('Форма наставничества', label(MENTORING_FORMS, d.form)),
        row('Целевая группа', label(TARGET_GROUPS, d.targetGroup)),
        row('Тип материала', label(MATERIAL_TYPES, d.materialType)),
        row('Предметы', list(d.subjects).map(str).join(', ') || 'любой предмет'),
        row(
          'Уровень образования',
          list(d.levels)
            .map((l) => label(SCHOOL_LEVELS, l))
            .join(', '),
        ),
        row('Трудности', list(d.difficulties).map(str).join(', ')),
        row('Год', str(d.year)),
        row('Статус', label(PRACTICE_STATUSES, d.status ?? 'review')),
      ),
    ),
    h(Body, null, props.widgetFor('body')),
    d.results ? [h('h2', { key: 'rh' }, 'Результаты'), h('p', { key: 'rp' }, t(d.results))] : null,
    d.resources ? [h('h2', { key: 'sh' }, 'Необходимые ресурсы'), h('p', { key: 'sp' }, t(d.resources))] : null,
    d.replicability ? [h('h2', { key: 'ch' }, 'Как повторить'), h('p', { key: 'cp' }, t(d.replicability))] : null,
  );
}
