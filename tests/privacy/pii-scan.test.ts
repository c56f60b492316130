/**
 * The free-text personal-data scanner against hard Russian names.
 *
 * The registry below is fictional and chosen for what breaks naive
 * matchers: indeclinable surnames (Шевченко, Черных, a woman's Ким), a
 * man's Ким that declines, fleeting vowels (Орёл → Орла, Лев → Льва), male
 * names in -а (Никита, Илья, Фома), female names that are common words
 * (Вера, Надежда, Любовь, Роза), surnames that are words (Мороз, Лебедь,
 * Слава), a hyphenated surname and surnames with ё. The expected case forms
 * are written out by hand here, as the oracle for what lvovich produces.
 */
import { describe, expect, it } from 'vitest';
import { CASES, nameForms, type NamedPerson } from '../../src/privacy/names.ts';
import { buildNameIndex, isValidPersonalInn, isValidSnils, scanText, type PiiFinding } from '../../src/privacy/pii-scan.ts';

interface Declined {
  person: NamedPerson;
  /** Six case forms each, in the order of CASES. */
  last: string;
  first: string;
  middle: string;
}

const person = (id: string, gender: NamedPerson['gender'], last: string, first: string, middle: string): NamedPerson => ({
  id,
  gender,
  name: { last: last.split(' ')[0]!, first: first.split(' ')[0]!, middle: middle.split(' ')[0]! },
});

const declined = (id: string, gender: NamedPerson['gender'], last: string, first: string, middle: string): Declined => ({
  person: person(id, gender, last, first, middle),
  last,
  first,
  middle,
});

const REGISTRY: Declined[] = [
  declined(
    'p-sokolova',
    'female',
    'Соколова Соколовой Соколовой Соколову Соколовой Соколовой',
    'Надежда Надежды Надежде Надежду Надеждой Надежде',
    'Ивановна Ивановны Ивановне Ивановну Ивановной Ивановне',
  ),
  declined(
    'p-moroz',
    'female',
    'Мороз Мороз Мороз Мороз Мороз Мороз',
    'Вера Веры Вере Веру Верой Вере',
    'Ильинична Ильиничны Ильиничне Ильиничну Ильиничной Ильиничне',
  ),
  declined(
    'p-orel',
    'male',
    'Орёл Орла Орлу Орла Орлом Орле',
    'Павел Павла Павлу Павла Павлом Павле',
    'Андреевич Андреевича Андреевичу Андреевича Андреевичем Андреевиче',
  ),
  declined(
    'p-zaitsev',
    'male',
    'Зайцев Зайцева Зайцеву Зайцева Зайцевым Зайцеве',
    'Лев Льва Льву Льва Львом Льве',
    'Николаевич Николаевича Николаевичу Николаевича Николаевичем Николаевиче',
  ),
  declined(
    'p-orlova',
    'female',
    'Зябликова-Орлова Зябликовой-Орловой Зябликовой-Орловой Зябликову-Орлову Зябликовой-Орловой Зябликовой-Орловой',
    'Любовь Любови Любови Любовь Любовью Любови',
    'Никитична Никитичны Никитичне Никитичну Никитичной Никитичне',
  ),
  declined(
    'p-suleimanova',
    'female',
    'Сулейманова Сулеймановой Сулеймановой Сулейманову Сулеймановой Сулеймановой',
    'Роза Розы Розе Розу Розой Розе',
    'Ахмедовна Ахмедовны Ахмедовне Ахмедовну Ахмедовной Ахмедовне',
  ),
  declined(
    'p-kim-elena',
    'female',
    'Ким Ким Ким Ким Ким Ким',
    'Елена Елены Елене Елену Еленой Елене',
    'Викторовна Викторовны Викторовне Викторовну Викторовной Викторовне',
  ),
  declined(
    'p-kim-viktor',
    'male',
    'Ким Кима Киму Кима Кимом Киме',
    'Виктор Виктора Виктору Виктора Виктором Викторе',
    'Сергеевич Сергеевича Сергеевичу Сергеевича Сергеевичем Сергеевиче',
  ),
  declined(
    'p-shevchenko',
    'male',
    'Шевченко Шевченко Шевченко Шевченко Шевченко Шевченко',
    'Тарас Тараса Тарасу Тараса Тарасом Тарасе',
    'Григорьевич Григорьевича Григорьевичу Григорьевича Григорьевичем Григорьевиче',
  ),
  declined(
    'p-chernykh',
    'female',
    'Черных Черных Черных Черных Черных Черных',
    'Анна Анны Анне Анну Анной Анне',
    'Сергеевна Сергеевны Сергеевне Сергеевну Сергеевной Сергеевне',
  ),
  declined(
    'p-lebed',
    'male',
    'Лебедь Лебедя Лебедю Лебедя Лебедем Лебеде',
    'Никита Никиты Никите Никиту Никитой Никите',
    'Саввич Саввича Саввичу Саввича Саввичем Саввиче',
  ),
  declined(
    'p-semenov',
    'male',
    'Семёнов Семёнова Семёнову Семёнова Семёновым Семёнове',
    'Илья Ильи Илье Илью Ильёй Илье',
    'Фомич Фомича Фомичу Фомича Фомичём Фомиче',
  ),
  declined(
    'p-kovalev',
    'male',
    'Ковалёв Ковалёва Ковалёву Ковалёва Ковалёвым Ковалёве',
    'Фома Фомы Фоме Фому Фомой Фоме',
    'Кузьмич Кузьмича Кузьмичу Кузьмича Кузьмичём Кузьмиче',
  ),
  declined(
    'p-kovaleva',
    'female',
    'Ковалёва Ковалёвой Ковалёвой Ковалёву Ковалёвой Ковалёвой',
    'Алёна Алёны Алёне Алёну Алёной Алёне',
    'Петровна Петровны Петровне Петровну Петровной Петровне',
  ),
  declined(
    'p-slava',
    'male',
    'Слава Славы Славе Славу Славой Славе',
    'Ярослав Ярослава Ярославу Ярослава Ярославом Ярославе',
    'Игоревич Игоревича Игоревичу Игоревича Игоревичем Игоревиче',
  ),
];

const PEOPLE = REGISTRY.map((d) => d.person);
const INDEX = buildNameIndex(PEOPLE);
const NBSP = '\u00a0';

/** Every written form of one person in one case: full names, initials layouts, first name + patronymic, surname. */
function mentionsOf(d: Declined, caseIndex: number): string[] {
  const [l, f, m] = [d.last, d.first, d.middle].map((forms) => forms.split(' ')[caseIndex]!);
  const [i, o] = [d.person.name.first.charAt(0), d.person.name.middle!.charAt(0)];
  const forms = [
    `${l} ${f} ${m}`,
    `${f} ${m} ${l}`,
    `${f} ${l}`,
    `${l} ${f}`,
    `${f} ${m}`,
    `${l} ${i}. ${o}.`,
    `${l} ${i}.${o}.`,
    `${l}${NBSP}${i}.${NBSP}${o}.`,
    `${i}. ${o}. ${l}`,
    `${i}.${o}. ${l}`,
    `${i}.${o}.${l}`,
    `${i}.${NBSP}${o}.${NBSP}${l}`,
    `${i}. ${l}`,
    l!,
  ];
  return forms.flatMap((form) => (form.includes('ё') ? [form, form.replaceAll('ё', 'е')] : [form]));
}

type Template = (mention: string, gender: NamedPerson['gender']) => [before: string, after: string];
const about = (mention: string) => (/^[АЕЁИОУЫЭЮЯ]/.test(mention) ? 'об' : 'о');

/** Two sentences per case, with the mention mid-sentence as in news items. */
const TEMPLATES: Record<(typeof CASES)[number], Template[]> = {
  nominative: [
    (_, g) => ['Вчера ', ` ${g === 'female' ? 'провела' : 'провёл'} открытый урок для молодых коллег.`],
    (_, g) => [`В этом году наставником ${g === 'female' ? 'стала' : 'стал'} `, '.'],
  ],
  genitive: [() => ['На заседании методического объединения не было ', '.'], () => ['Мы получили отзыв от ', ' о программе.']],
  dative: [() => ['Грамоту вручили ', ' на педагогическом совете.'], () => ['Коллеги благодарны ', ' за помощь.']],
  accusative: [() => ['Коллеги поздравили ', ' с победой в конкурсе.'], () => ['Директор назначил ', ' наставником.']],
  instrumental: [() => ['Мы встретились с ', ' после уроков.'], () => ['Программа согласована с ', '.']],
  prepositional: [
    (x) => [`Методист рассказал ${about(x)} `, ' на семинаре.'],
    (x) => [`В газете написали ${about(x)} `, ' и наставляемых.'],
  ],
};

interface Sample {
  text: string;
  personId: string;
  index: number;
  length: number;
}

function generatedSamples(): Sample[] {
  const samples: Sample[] = [];
  for (const d of REGISTRY) {
    CASES.forEach((grammaticalCase, caseIndex) => {
      for (const mention of mentionsOf(d, caseIndex)) {
        for (const template of TEMPLATES[grammaticalCase]) {
          const [before, after] = template(mention, d.person.gender);
          samples.push({ text: before + mention + after, personId: d.person.id, index: before.length, length: mention.length });
        }
      }
    });
  }
  return samples;
}

/** Realistic sentences, the mention marked with [[…]] and the person it names. */
const HAND_WRITTEN: [string, string][] = [
  ['Открытый урок [[Надежды Ивановны Соколовой]] по русскому языку посетили 14 коллег.', 'p-sokolova'],
  ['[[Соколова Надежда Ивановна]], учитель русского языка, назначена наставником.', 'p-sokolova'],
  ['Наставником назначена\n[[Соколова Надежда Ивановна]], учитель высшей категории.', 'p-sokolova'],
  ['[[НАДЕЖДА ИВАНОВНА СОКОЛОВА]] — НАСТАВНИК ГОДА', 'p-sokolova'],
  ['Приказ подписан: [[Н.\u00a0И.\u00a0Соколова]], заместитель директора.', 'p-sokolova'],
  ['[[Соколова]] провела установочную сессию для молодых педагогов.', 'p-sokolova'],
  ['Наставник — [[В. И. Мороз]], учитель начальных классов.', 'p-moroz'],
  ['Благодарим [[Веру Ильиничну]] за терпение и внимание к молодым коллегам.', 'p-moroz'],
  ['[[Мороз В. И.]] подготовила методические рекомендации.', 'p-moroz'],
  ['[[Павлу Андреевичу Орлу]] вручили благодарственное письмо.', 'p-orel'],
  ['По итогам года отмечена пара [[Орёл]] — Ким.', 'p-orel'],
  ['Методическую разработку [[П.А. Орла]] включили в копилку.', 'p-orel'],
  ['С [[Павлом Орлом]] мы работаем третий год.', 'p-orel'],
  ['[[Льву Николаевичу Зайцеву]] исполнилось 60 лет.', 'p-zaitsev'],
  ['[[Зайцев Л. Н.]] провёл мастер-класс по физике.', 'p-zaitsev'],
  ['Встреча с [[Любовью Никитичной]] прошла тепло.', 'p-orlova'],
  ['[[Зябликова-Орлова Л. Н.]] — куратор программы.', 'p-orlova'],
  ['Слово предоставили [[Любови Зябликовой-Орловой]].', 'p-orlova'],
  ['[[Розе Ахмедовне Сулеймановой]] присвоена высшая категория.', 'p-suleimanova'],
  ['[[Е. В. Ким]] подготовила КИМ для 9 классов.', 'p-kim-elena'],
  ['Поздравляем [[Виктора Сергеевича Кима]] с юбилеем!', 'p-kim-viktor'],
  ['Урок вёл молодой учитель, его наставник — [[Ким В. С.]]', 'p-kim-viktor'],
  ['Стихи читали ученики [[Т. Г. Шевченко]].', 'p-shevchenko'],
  ['[[Анне Сергеевне Черных]] выразили благодарность.', 'p-chernykh'],
  ['[[Никита Саввич Лебедь]] провёл урок в 7 «А» классе.', 'p-lebed'],
  ['Молодой педагог посетил урок [[Никиты Лебедя]].', 'p-lebed'],
  ['Беседа с [[Ильёй Фомичём Семёновым]] длилась час.', 'p-semenov'],
  ['[[Семенов И. Ф.]] — наставник по информатике.', 'p-semenov'],
  ['[[Фоме Кузьмичу Ковалёву]] поручили подготовить отчёт.', 'p-kovalev'],
  ['Рабочую программу составила [[Ковалева А. П.]]', 'p-kovaleva'],
  ['[[Ярославу Игоревичу Славе]] поручено провести флеш-встречу.', 'p-slava'],
  ['Флеш-встречу вёл [[Слава Я. И.]]', 'p-slava'],
  // Known misses (rule 6): a word-like surname alone at the start of a sentence.
  ['[[Черных]] провела урок по химии.', 'p-chernykh'],
  ['[[Орёл]] провёл классный час.', 'p-orel'],
];

const handWrittenSamples = (): Sample[] =>
  HAND_WRITTEN.map(([marked, personId]) => {
    const index = marked.indexOf('[[');
    const length = marked.indexOf(']]') - index - 2;
    return { text: marked.replace('[[', '').replace(']]', ''), personId, index, length };
  });

/** School-news sentences full of words that are also names; none of them names anyone. */
const CLEAN: string[] = [
  'Надежда на успех помогает молодому педагогу не сдаваться.',
  'Надежда — главное в работе наставника.',
  'Вера в себя приходит к молодому учителю не сразу.',
  'Наставник поддерживает веру ученика в собственные силы.',
  'Любовь к предмету передаётся от учителя к ученикам.',
  'Любовь, терпение и вера — три опоры наставничества.',
  'На уроке литературы обсуждали, как Лев Толстой работал над романом «Война и мир».',
  'Девятиклассники читали рассказ Льва Толстого «Лев и собачка».',
  'Орёл парит над полем — так начинается стихотворение, которое учили пятиклассники.',
  'Делегация нашей школы побывала в городе Орле на форуме молодых педагогов.',
  'Коллеги из Орла поделились опытом наставничества.',
  'Город Орёл в этом году принимает региональный конкурс «Педагог года».',
  'Мороз и солнце — день чудесный, писал Пушкин.',
  'Из-за сильного мороза занятия во вторую смену отменили.',
  'Дед Мороз вручил подарки ученикам начальной школы.',
  'На ёлке Деда Мороза выступили ученики 5 «Б» класса.',
  'Роза ветров на школьной метеостанции показывает северный ветер.',
  'В школьном саду расцвела роза, которую посадили выпускники.',
  'Слава героям, защищавшим нашу Родину!',
  'Учащиеся посетили Аллею Славы и возложили цветы.',
  'Ветеран, к которому пришли юнармейцы, награждён орденом Славы III степени.',
  'Урок мужества провели у памятника Славы.',
  'Слава пришла к нашей команде после победы на олимпиаде.',
  'Учителя проанализировали КИМ по математике и составили план подготовки.',
  'Демоверсии КИМ ЕГЭ обсудили на методическом объединении.',
  'Плакаты к выставке выполнили в черных и белых тонах.',
  'Черных дыр в программе наставничества нет: все этапы описаны.',
  'Лебедь, рак и щука — басня, которую разбирали на уроке.',
  'Пятиклассники инсценировали басню «Лебедь, Рак и Щука».',
  'На пруду у школы живёт белый лебедь.',
  'Надежды педагогов на новый учебный год связаны с программой наставничества.',
  'Мы верим: надежда, вера и любовь помогут нашим выпускникам.',
  'Любовью к чтению пропитана вся программа школьного клуба.',
  'Розы для выпускного вечера вырастили в школьной теплице.',
  'Лев — символ нашей спортивной команды.',
  'Команда «Львы» победила в эстафете, а «Орлята» заняли второе место.',
  'В Орле прошёл семинар для наставников.',
  'Под Орлом расположен детский лагерь «Надежда».',
  'Фестиваль «Вера. Надежда. Любовь» собрал двести участников.',
  'Мы с надеждой ждём результатов олимпиады.',
  'Сильный мороз не помешал провести «Лыжню России».',
  'Дипломы получили команды «Надежда», «Вера» и «Орёл».',
  'Мороз ударил внезапно, но экскурсию не отменили.',
  'Молодой учитель поверил в себя, и это лучшая награда для наставника.',
];

/** Texts with numbers that are not personal data. */
const CLEAN_NUMBERS: string[] = [
  'Приказ № 01-05/112 от 01.09.2025 «Об утверждении положения о наставничестве».',
  'В 2024–2025 учебном году в программе участвовали 37 педагогов, из них 12 молодых специалистов.',
  'Сборник ISBN 978-5-9907-1234-5 и ISBN 9785990712345 рекомендован для библиотеки.',
  'Звоните в школу: +7 (812) 246-12-34, пишите на info@licey126.example.',
  'Телефон приёмной 8 812 246 12 34, факс 246-12-35.',
  'Горячая линия Минпросвещения 8 800 200-91-85 работает круглосуточно.',
  'Номер заявки 4012-3456-78, код мероприятия 112233445.',
  'СНИЛС и паспортные данные в заявке не указываются.',
];
const SCHOOL_CONTACTS = ['+7 (812) 246-12-34', '+7 812 246-12-35', 'INFO@licey126.example'];

const errorsIn = (findings: PiiFinding[]) => findings.filter((f) => f.severity === 'error');

describe('names', () => {
  it('declines with lvovich and patches what lvovich gets wrong', () => {
    const forms = (id: string) => new Set(nameForms(PEOPLE.find((p) => p.id === id)!).map((f) => f.text));
    const orel = forms('p-orel');
    for (const text of ['Орла', 'Орлу', 'Орлом', 'Орле', 'Орёл', 'Орел', 'П. А. Орла', 'Павла Андреевича Орла'])
      expect(orel).toContain(text);
    expect(forms('p-zaitsev')).toContain('Льва Николаевича');
    expect(forms('p-semenov')).toContain('Ильей Фомичём');
    expect(forms('p-kim-viktor')).toContain('Кима');
    expect(forms('p-kim-elena')).not.toContain('Кима');
    expect(forms('p-shevchenko')).toContain('Тарасу Григорьевичу Шевченко');
    expect(forms('p-orlova')).toContain(`Зябликовой-Орловой Л.${NBSP}Н.`);
    expect(forms('p-lebed')).toContain('Никиту Саввича');
  });
});

describe('scanText: registry names', () => {
  it('finds every generated and hand-written mention, with recall ≥ 0.98', () => {
    const samples = [...generatedSamples(), ...handWrittenSamples()];
    const missed: string[] = [];
    for (const s of samples) {
      const hit = scanText(s.text, INDEX).some(
        (f) =>
          f.rule === 'pii-name' &&
          f.severity === 'error' &&
          f.personId === s.personId &&
          f.index < s.index + s.length &&
          s.index < f.index + f.length,
      );
      if (!hit) missed.push(`${s.personId}: ${s.text}`);
    }
    const recall = (samples.length - missed.length) / samples.length;
    console.log(`pii-scan recall: ${samples.length - missed.length}/${samples.length} = ${recall.toFixed(4)}`);
    if (missed.length > 0) console.log(`missed (first 20):\n${missed.slice(0, 20).join('\n')}`);
    expect(recall).toBeGreaterThanOrEqual(0.98);
  });

  it('raises no error and no warning in clean texts full of common words', () => {
    const perSentence = CLEAN.flatMap((text) => scanText(text, INDEX).map((f) => ({ text, f })));
    const whole = scanText(CLEAN.join(' '), INDEX);
    const numbers = CLEAN_NUMBERS.flatMap((text) => scanText(text, INDEX, { allowContacts: SCHOOL_CONTACTS }).map((f) => ({ text, f })));
    const all = [...perSentence, ...whole.map((f) => ({ text: '(all sentences)', f })), ...numbers];
    const errors = all.filter((x) => x.f.severity === 'error');
    const warnings = all.filter((x) => x.f.severity === 'warning');
    console.log(
      `pii-scan false alarms: ${errors.length} errors, ${warnings.length} warnings in ${CLEAN.length + CLEAN_NUMBERS.length} clean sentences`,
    );
    for (const x of all) console.log(`  ${x.f.severity} ${x.f.kind} «${x.f.excerpt}» in: ${x.text}`);
    expect(CLEAN.length).toBeGreaterThanOrEqual(30);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('reports a registry name in the right place with the person id', () => {
    const text = 'Наставник — Надежда Ивановна Соколова.';
    expect(scanText(text, INDEX)).toEqual([
      {
        rule: 'pii-name',
        severity: 'error',
        personId: 'p-sokolova',
        kind: 'full-name',
        index: 12,
        length: 'Надежда Ивановна Соколова'.length,
        excerpt: 'Н… И… С…',
      },
    ]);
  });

  it('names both people when a spelling fits both', () => {
    const ids = scanText('Отчёт подготовила Ковалёва.', INDEX).map((f) => f.personId);
    expect(ids.sort()).toEqual(['p-kovalev', 'p-kovaleva']);
  });

  it('skips people with a valid consent but still reports the others', () => {
    const text = 'Пара наставничества: Соколова Н. И. и Зайцев Л. Н.';
    const found = scanText(text, INDEX, { allowPersons: new Set(['p-sokolova']) });
    expect(found.map((f) => f.personId)).toEqual(['p-zaitsev']);
    expect(scanText(text, INDEX, { allowPersons: new Set(['p-sokolova', 'p-zaitsev']) })).toEqual([]);
  });

  it('never puts a full name part into an excerpt', () => {
    for (const s of [...generatedSamples(), ...handWrittenSamples()]) {
      for (const f of scanText(s.text, INDEX)) expect(f.excerpt).not.toMatch(/\p{L}{2}/u);
    }
  });
});

describe('scanText: names of people outside the registry', () => {
  it.each([
    ['Отчёт сдала Иванова М. П. в срок.', 'Иванова М. П.'],
    ['Отчёт сдала М. П. Иванова в срок.', 'М. П. Иванова'],
    ['Отчёт сдала М.П.\u00a0Иванова в срок.', 'М.П.\u00a0Иванова'],
    ['Урок провела Мария Петровна, коллеги остались довольны.', 'Мария Петровна'],
    ['Беседу вёл Олег Кузьмич Дроздов.', 'Олег Кузьмич Дроздов'],
    ['Вопросы задавала Н. Петрова.', 'Н. Петрова'],
  ])('warns about «%s»', (text, name) => {
    const found = scanText(text, INDEX);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: 'pii-name',
      severity: 'warning',
      kind: 'name-like',
      index: text.indexOf(name),
      length: name.length,
    });
    expect(found[0]!.personId).toBeUndefined();
  });

  it('takes a registry surname with someone else’s initials for another person', () => {
    expect(scanText('Выступила А. П. Соколова.', INDEX)).toMatchObject([{ severity: 'warning', kind: 'name-like' }]);
  });

  it('takes a registry first name and patronymic followed by another surname for another person', () => {
    expect(scanText('Роман написал Лев Николаевич Толстой.', INDEX)).toMatchObject([{ severity: 'warning', kind: 'name-like' }]);
  });
});

describe('scanText: contacts', () => {
  it.each([
    '+7 (812) 123-45-67',
    '8 812 123 45 67',
    '8-921-123-45-67',
    '+79211234567',
    '8 (921) 123-45-67',
    '+7\u00a0921\u00a0123\u201145\u201167'.replace(/\u2011/g, '-'),
  ])('reports the phone %s', (phone) => {
    const text = `Личный телефон наставника: ${phone}, звонить после 18:00.`;
    const found = scanText(text, INDEX);
    expect(found).toMatchObject([
      { rule: 'pii-contact', severity: 'error', kind: 'phone', index: text.indexOf(phone), length: phone.length },
    ]);
    expect(found[0]!.excerpt).not.toContain(phone.replace(/\D/g, '').slice(1, 9));
  });

  it('reports a local number written after «тел.»', () => {
    expect(scanText('Связаться можно по тел. 123-45-67.', INDEX)).toMatchObject([{ kind: 'phone', excerpt: '1••-••-67' }]);
  });

  it('reports e-mails, masked', () => {
    const text = 'Пишите Надежде на почту sokolova.n@mail.ru или на наставник@школа.рф.';
    const found = scanText(text, INDEX);
    expect(found.map((f) => [f.kind, f.excerpt])).toEqual([
      ['email', 's…@mail.ru'],
      ['email', 'н…@школа.рф'],
    ]);
  });

  it('does not report the school’s own contacts in another writing', () => {
    const text = 'Приёмная: 8 (812) 246-12-34, тел. 246-12-35, info@licey126.example.';
    expect(scanText(text, INDEX, { allowContacts: SCHOOL_CONTACTS })).toEqual([]);
    expect(scanText(text, INDEX).map((f) => f.kind)).toEqual(['phone', 'phone', 'email']);
  });
});

describe('scanText: identity numbers', () => {
  it('checks СНИЛС and ИНН control digits', () => {
    expect(isValidSnils('11223344595')).toBe(true);
    expect(isValidSnils('11223344596')).toBe(false);
    expect(isValidPersonalInn('500100732259')).toBe(true);
    expect(isValidPersonalInn('500100732258')).toBe(false);
  });

  it.each([
    ['СНИЛС наставника: 112-233-445 95.', 'snils', '112-233-445 95'],
    ['Номер 112 233 445 95 указан в анкете.', 'snils', '112 233 445 95'],
    ['Паспорт 40 12 345678 выдан в 2015 году.', 'passport', '40 12 345678'],
    ['паспорт 4012 345678', 'passport', '4012 345678'],
    ['паспорт 4012345678', 'passport', '4012345678'],
    ['Серия 4012 номер 345678 указаны в заявлении.', 'passport', '4012 номер 345678'],
    ['ИНН 500100732259 указан в анкете.', 'inn', '500100732259'],
    ['Реквизиты: 500100732259.', 'inn', '500100732259'],
  ])('reports «%s»', (text, kind, number) => {
    const found = scanText(text, INDEX);
    expect(found).toMatchObject([{ rule: 'pii-id-number', severity: 'error', kind, index: text.indexOf(number), length: number.length }]);
    expect(found[0]!.excerpt).not.toMatch(/\d/);
  });

  it.each([
    'Номер 112-233-445 96 указан в анкете.',
    'Номер счёта 500100732258.',
    'Код 4012 345678 в каталоге.',
    'Тираж 12345678901 экземпляров — опечатка в отчёте.',
    'ISBN 978-5-9907-1234-5.',
    'Приказ № 01-05/112 от 01.09.2025.',
  ])('stays quiet on «%s»', (text) => {
    expect(errorsIn(scanText(text, INDEX))).toEqual([]);
  });

  it('warns about a СНИЛС with a wrong control number', () => {
    expect(scanText('СНИЛС 112-233-445 96', INDEX)).toMatchObject([{ kind: 'snils', severity: 'warning' }]);
  });
});
