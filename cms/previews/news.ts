/** Preview of a news item, laid out as src/pages/news/[id].astro. */
import { LEVELS } from '../../src/schema/vocab.ts';
import { ui } from '../../src/i18n/ru.ts';
import { Body, Cover, dataOf, h, label, Page, t, Time, type PreviewProps } from './kit.ts';

export function NewsPreview(props: PreviewProps) {
  const d = dataOf(props);
  return h(
    Page,
    null,
    h('h1', null, t(d.title)),
    h(
      'p',
      { className: 'meta' },
      h('span', null, `${ui.published} `, h(Time, { value: d.date })),
      d.stage ? h('a', { href: '#' }, `${ui.stage} ${String(d.stage)}`) : null,
      d.level && d.level !== 'school' ? h('span', null, `${label(LEVELS, d.level)} уровень`) : null,
    ),
    d.summary ? h('p', { className: 'lead' }, t(d.summary)) : null,
    h(Cover, { props, value: d.cover }),
    h(Body, null, props.widgetFor('body')),
  );
}
