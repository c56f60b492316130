/** Preview of a roadmap stage with its activities, laid out as src/pages/roadmap/[id].astro. */
import { ACTIVITY_STATUSES, PROGRESS_STATUSES, RESPONSIBLE_ROLES } from '../../src/schema/vocab.ts';
import { ui } from '../../src/i18n/ru.ts';
import { Body, dataOf, formatPeriod, h, label, list, Page, str, t, Time, type PreviewProps } from './kit.ts';

const badge = (status: unknown, labels: Record<string, string> = PROGRESS_STATUSES) =>
  h('span', { className: `badge status-${str(status) || 'planned'}` }, label(labels, status ?? 'planned'));

export function StagePreview(props: PreviewProps) {
  const d = dataOf(props);
  const period = d.period as { from?: string; to?: string } | undefined;
  const activities = list(d.activities) as Record<string, unknown>[];
  return h(
    Page,
    null,
    h('h1', null, h('span', { className: 'muted' }, `Этап ${str(d.stage)}.`), ' ', t(d.title)),
    h(
      'p',
      { className: 'meta' },
      badge(d.status),
      period?.from && period.to ? h('span', null, `${ui.period}: ${formatPeriod(period.from, period.to)}`) : null,
    ),
    d.summary ? h('p', { className: 'lead' }, t(d.summary)) : null,
    h(Body, null, props.widgetFor('body')),
    h('h2', null, 'Мероприятия'),
    h(
      'ol',
      { className: 'timeline' },
      activities.map((a, i) =>
        h(
          'li',
          { key: i, className: `status-${str(a.status) || 'planned'}` },
          h('h3', null, t(a.title)),
          h(
            'p',
            { className: 'meta' },
            badge(a.status, ACTIVITY_STATUSES),
            a.due ? h('span', null, `${ui.due}: `, h(Time, { value: a.due })) : null,
            list(a.responsible).length
              ? h(
                  'span',
                  null,
                  `${ui.responsible}: ${list(a.responsible)
                    .map((r) => label(RESPONSIBLE_ROLES, r))
                    .join(', ')}`,
                )
              : null,
          ),
          a.description ? h('p', null, t(a.description)) : null,
        ),
      ),
    ),
  );
}
