/**
 * The matching report for the curator: a private Markdown document (names,
 * requests — never published) and the same data as JSON for other tools.
 */
import type { Person } from '../../schema/registry.ts';
import { formatDate } from '../../lib/dates.ts';
import type { MatchResult } from './match-mentors.ts';
import { plural } from '../../lib/plural.ts';
import { formatName } from '../survey/person-names.ts';

export interface ReportPeople {
  get(id: string): Person | undefined;
}

const who = (people: ReportPeople, id: string) => {
  const p = people.get(id);
  return p ? `${formatName(p.name)} (${id})` : id;
};

/** The report as Markdown. */
export function matchMarkdown(result: MatchResult, people: ReportPeople): string {
  const out: string[] = [];
  const total = result.proposals.length + result.unmatched.length;
  out.push(`# Подбор наставников — ${result.schoolYear} учебный год`, '');
  out.push(
    `Сформировано ${formatDate(result.today)} командой \`npm run match\`. **Закрытый документ**: содержит персональные данные и профессиональные запросы педагогов — не публикуется и не пересылается вне рабочей группы.`,
    '',
  );
  out.push(
    `Наставляемых без пары: ${total}; предложено пар: ${result.proposals.length}; остаются без наставника: ${result.unmatched.length}. Уже в парах в этом году: ${result.paired.length}.`,
    '',
  );
  out.push(
    'Как подобраны пары: сначала образуется как можно больше пар с учётом свободных мест у наставников, затем из всех таких вариантов выбирается вариант с наибольшей суммарной оценкой совпадения (запросы ↔ компетенции, предмет, стаж и категория, взаимные предпочтения, формы). Участвуют только наставники с действующим согласием на обработку персональных данных и письменным согласием быть наставником (ст. 351.8 ТК РФ). Предложение — не решение: пару утверждает куратор.',
    '',
  );
  out.push('## Предложения', '');
  if (result.proposals.length === 0) out.push('Предложений нет.', '');
  result.proposals.forEach((p, i) => {
    out.push(`### ${i + 1}. ${who(people, p.mentee)} → ${who(people, p.mentor)}`, '');
    const earlier = result.previous[p.mentee];
    out.push(`Оценка совпадения: ${p.score}.${earlier ? ` Ранее наставляемый участвовал в программах: ${earlier.join(', ')}.` : ''}`, '');
    if (p.fits.length) out.push('Почему этот наставник:', '', ...p.fits.map((f) => `- ${f}`), '');
    if (p.misfits.length) out.push('Что не совпадает:', '', ...p.misfits.map((f) => `- ${f}`), '');
    if (p.alternatives.length)
      out.push(`Другие варианты: ${p.alternatives.map((a) => `${who(people, a.mentor)} — ${a.score}`).join('; ')}.`, '');
    out.push(`Принять: \`npm run match -- --accept ${p.mentee}=${p.mentor}\``, '');
  });
  out.push('## Без пары', '');
  if (result.unmatched.length === 0 && result.excludedMentees.length === 0) out.push('Таких нет.');
  for (const u of result.unmatched) out.push(`- ${who(people, u.mentee)}: ${u.reason}.`);
  for (const u of result.excludedMentees) out.push(`- ${who(people, u.id)}: ${u.reason}.`);
  if (result.unmatched.length) {
    out.push(
      '',
      'Этап 5 дорожной карты: пока пара не сформирована, педагог получает ситуационную поддержку — консультации куратора и руководителя методического объединения, участие во флеш-встречах; подбор повторяется, когда появятся наставники со свободными местами.',
    );
  }
  if (result.rejected.length) {
    out.push('', '### Отклонено куратором', '');
    for (const r of result.rejected)
      out.push(`- ${who(people, r.mentee)} → ${who(people, r.mentor)}: в этом учебном году не предлагается.`);
  }
  out.push('', '## Наставники', '', '| Наставник | Мест | Занято | Предложено |', '| --- | ---: | ---: | ---: |');
  for (const m of result.mentors) out.push(`| ${who(people, m.id)} | ${m.capacity} | ${m.load} | ${m.proposed} |`);
  if (result.excludedMentors.length) {
    out.push('', '### Не участвуют в подборе', '');
    for (const m of result.excludedMentors) out.push(`- ${who(people, m.id)}: ${m.reason}.`);
  }
  out.push('');
  return out.join('\n');
}

/** The report as JSON, with names for the curator's own tools. */
export function matchJson(result: MatchResult, people: ReportPeople): string {
  const name = (id: string) => {
    const p = people.get(id);
    return p ? formatName(p.name) : undefined;
  };
  return `${JSON.stringify(
    {
      ...result,
      proposals: result.proposals.map((p) => ({ ...p, menteeName: name(p.mentee), mentorName: name(p.mentor) })),
      unmatched: result.unmatched.map((u) => ({ ...u, menteeName: name(u.mentee) })),
    },
    null,
    2,
  )}\n`;
}

/** The summary for the terminal, with names: the console is the curator's own. */
export function matchSummary(result: MatchResult, people: ReportPeople): string {
  return [
    `Подбор наставников, ${result.schoolYear} учебный год: предложено ${plural(result.proposals.length, ['пара', 'пары', 'пар'])}, без наставника — ${result.unmatched.length}, суммарная оценка — ${result.totalScore}.`,
    ...result.proposals.map((p) => `  ${who(people, p.mentee)} → ${who(people, p.mentor)} (оценка ${p.score})`),
    ...result.unmatched.map((u) => `  ${who(people, u.mentee)}: без пары — ${u.reason}`),
    ...result.excludedMentees.map((u) => `  ${who(people, u.id)}: не участвует — ${u.reason}`),
  ].join('\n');
}
