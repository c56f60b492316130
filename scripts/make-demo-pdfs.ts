/**
 * Generates the demo PDF files that the demo content links to.
 *
 * Why this exists: the demo documents (orders, the Положение, the roadmap,
 * the programme template, the monitoring report), the materials for mentors
 * and a practice attachment point at `/uploads/...pdf` files. The validator
 * checks that these files exist, and the site must offer real, readable files
 * (Приказ Рособрнадзора № 831 expects PDF documents). Instead of committing
 * opaque binaries by hand, this script rebuilds them: small one-page A4 stubs
 * marked «Демонстрационный документ», with the title, the school, the number
 * and date, a few lines of text, and PDF metadata (title, language ru-RU).
 *
 * Fonts: PT Sans from @fontsource. Its `cyrillic` subset has no digits, Latin
 * letters or ASCII punctuation and its `latin` subset has no Cyrillic, so each
 * line is split into runs by the first font that has the glyph.
 *
 * Run: PATH=node_modules/.bin:$PATH node scripts/make-demo-pdfs.ts
 * Output is deterministic (fixed dates), so re-running does not churn git.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FONT_DIR = path.join(ROOT, 'node_modules/@fontsource/pt-sans/files');
const PUBLIC = path.join(ROOT, 'public');

const SCHOOL = 'Государственное бюджетное общеобразовательное учреждение лицей № 126 Калининского района Санкт-Петербурга';
const SCHOOL_SHORT = 'ГБОУ лицей № 126 Калининского района Санкт-Петербурга';
const DEMO_NOTE = 'Демонстрационный документ. Создан для показа раздела «Наставничество», юридической силы не имеет.';

type Block = { type: 'p'; text: string } | { type: 'h'; text: string } | { type: 'li'; text: string } | { type: 'sign'; text: string };

interface DemoPdf {
  /** Path under public/, starting with /uploads/. */
  file: string;
  /** Kind heading printed in capitals, e.g. «ПРИКАЗ». */
  heading: string;
  title: string;
  /** Number and date line, e.g. «№ 01-05/112 от 29.08.2025». */
  numberDate: string;
  /** ISO date used for the PDF metadata. */
  date: string;
  subject: string;
  blocks: Block[];
}

const DOCS: DemoPdf[] = [
  {
    file: '/uploads/documents/prikaz-01-05-112-ob-utverzhdenii-polozheniya.pdf',
    heading: 'ПРИКАЗ',
    title: 'Об утверждении положения о системе (целевой модели) наставничества педагогических работников в образовательной организации',
    numberDate: '№ 01-05/112 от 29.08.2025',
    date: '2025-08-29',
    subject: 'Приказ о внедрении системы (целевой модели) наставничества',
    blocks: [
      {
        type: 'p',
        text: 'В соответствии с распоряжением Комитета по образованию Санкт-Петербурга от 27.07.2020 № 1457-р, методическими рекомендациями Минпросвещения России и Профсоюза работников народного образования и науки РФ (письмо от 21.12.2021 № АЗ-1128/08) и в целях профессионального роста педагогических работников лицея ПРИКАЗЫВАЮ:',
      },
      {
        type: 'li',
        text: '1. Утвердить Положение о системе (целевой модели) наставничества педагогических работников в образовательной организации (Приложение 1).',
      },
      {
        type: 'li',
        text: '2. Утвердить Дорожную карту (план мероприятий) по реализации Положения на 2025-2026 учебный год (Приложение 2).',
      },
      {
        type: 'li',
        text: '3. Назначить куратором реализации персонализированных программ наставничества заместителя директора по учебно-воспитательной работе.',
      },
      { type: 'li', text: '4. Ответственному за сайт разместить документы в разделе «Наставничество» в течение 10 рабочих дней.' },
      { type: 'li', text: '5. Контроль за исполнением приказа оставляю за собой.' },
      { type: 'sign', text: 'Директор ____________________' },
    ],
  },
  {
    file: '/uploads/documents/polozhenie-o-sisteme-nastavnichestva.pdf',
    heading: 'ПОЛОЖЕНИЕ',
    title: 'о системе (целевой модели) наставничества педагогических работников в образовательной организации',
    numberDate: 'Приложение 1 к приказу от 29.08.2025 № 01-05/112',
    date: '2025-08-29',
    subject: 'Положение о системе наставничества педагогических работников',
    blocks: [
      { type: 'h', text: '1. Общие положения' },
      {
        type: 'p',
        text: '1.1. Положение определяет цели, задачи, формы и порядок организации наставничества педагогических работников лицея, права и обязанности наставника, наставляемого и куратора.',
      },
      {
        type: 'p',
        text: '1.2. Наставничество осуществляется на основе добровольности, свободы выбора наставника, индивидуализации и личной ответственности участников.',
      },
      { type: 'h', text: '2. Формы наставничества' },
      {
        type: 'p',
        text: '2.1. Применяются формы: традиционное («один на один»), групповое, виртуальное, реверсивное, ситуационное, скоростное (флеш) и краткосрочное наставничество; ролевые модели «педагог – педагог», «руководитель – педагог».',
      },
      { type: 'h', text: '3. Персонализированная программа наставничества' },
      {
        type: 'p',
        text: '3.1. Для каждой пары или группы разрабатывается персонализированная программа сроком от 3 до 12 месяцев, которая утверждается приказом директора.',
      },
      {
        type: 'p',
        text: '3.2. Наставник назначается с его письменного согласия (ст. 351.8 ТК РФ); персональные данные участников обрабатываются в соответствии с Федеральным законом № 152-ФЗ.',
      },
    ],
  },
  {
    file: '/uploads/documents/dorozhnaya-karta-nastavnichestva-2025-2026.pdf',
    heading: 'ДОРОЖНАЯ КАРТА',
    title:
      '(план мероприятий) по реализации Положения о системе (целевой модели) наставничества педагогических работников на 2025-2026 учебный год',
    numberDate: 'Приложение 2 к приказу от 29.08.2025 № 01-05/112',
    date: '2025-08-29',
    subject: 'Дорожная карта реализации системы наставничества',
    blocks: [
      { type: 'li', text: '1. Подготовка условий для реализации системы (целевой модели) наставничества — август–сентябрь 2025.' },
      {
        type: 'li',
        text: '2. Формирование банка наставляемых: сбор профессиональных запросов, согласия на обработку персональных данных — сентябрь 2025.',
      },
      { type: 'li', text: '3. Формирование банка наставников: анкетирование потенциальных наставников, согласия — сентябрь 2025.' },
      {
        type: 'li',
        text: '4. Отбор и обучение наставников: анализ банка, методические материалы, «установочные сессии» — октябрь–ноябрь 2025.',
      },
      { type: 'li', text: '5. Организация и осуществление работы наставнических пар/групп — октябрь 2025 – май 2026.' },
      {
        type: 'li',
        text: '6. Завершение персонализированных программ: мониторинг (анкетирование), итоговое мероприятие — апрель–июнь 2026.',
      },
      { type: 'li', text: '7. Информационная поддержка системы наставничества — на всех этапах.' },
    ],
  },
  {
    file: '/uploads/documents/shablon-personalizirovannoy-programmy.pdf',
    heading: 'ШАБЛОН',
    title: 'персонализированной программы наставничества педагогических работников',
    numberDate: 'Редакция от 05.09.2025',
    date: '2025-09-05',
    subject: 'Шаблон персонализированной программы наставничества',
    blocks: [
      { type: 'h', text: 'Титульная часть' },
      {
        type: 'p',
        text: 'Наставник, наставляемый (наставляемые); форма наставничества; ролевая модель; срок реализации (от 3 до 12 месяцев); цель и задачи программы.',
      },
      { type: 'h', text: 'План мероприятий по направлениям' },
      { type: 'li', text: '1. Адаптация в коллективе.' },
      { type: 'li', text: '2. Нормативная база, ФОП и ФГОС.' },
      { type: 'li', text: '3. Планирование и проведение урока; оценивание.' },
      { type: 'li', text: '4. Воспитательная работа и работа с родителями; цифровые инструменты; подготовка к аттестации.' },
      {
        type: 'p',
        text: 'Для каждой строки: мероприятие, сроки, планируемый результат, фактический результат и форма отчёта, отметка о выполнении.',
      },
      { type: 'sign', text: 'Наставник ___________   Наставляемый ___________   Куратор ___________' },
    ],
  },
  {
    file: '/uploads/documents/prikaz-01-05-131-o-zakreplenii-par.pdf',
    heading: 'ПРИКАЗ',
    title: 'О закреплении наставнических пар и групп в 2025-2026 учебном году',
    numberDate: '№ 01-05/131 от 20.10.2025',
    date: '2025-10-20',
    subject: 'Приказ о закреплении наставнических пар и групп',
    blocks: [
      {
        type: 'p',
        text: 'На основании Положения о системе (целевой модели) наставничества педагогических работников, результатов анкетирования и флеш-встреч наставников и наставляемых ПРИКАЗЫВАЮ:',
      },
      {
        type: 'li',
        text: '1. Закрепить наставнические пары и группу и утвердить их персонализированные программы НП-2025-01 – НП-2025-04 (Приложение).',
      },
      { type: 'li', text: '2. Установить срок реализации программ с 01.11.2025 по 31.05.2026, если иное не указано в программе.' },
      { type: 'li', text: '3. Куратору обеспечить сопровождение программ и ежемесячный контроль выполнения планов.' },
      { type: 'li', text: '4. Педагогу-психологу организовать поддержку наставляемых, не сформировавших пару.' },
      { type: 'sign', text: 'Директор ____________________' },
    ],
  },
  {
    file: '/uploads/documents/otchet-monitoring-2025-2026.pdf',
    heading: 'ОТЧЁТ',
    title: 'о мониторинге качества реализации персонализированных программ наставничества в 2025-2026 учебном году',
    numberDate: 'от 29.05.2026',
    date: '2026-05-29',
    subject: 'Отчёт о мониторинге программ наставничества',
    blocks: [
      {
        type: 'p',
        text: 'Анкетирование проведено с 20.04.2026 по 12.05.2026. Ответили 6 наставников и 8 наставляемых; результаты обработаны в обобщённом виде.',
      },
      { type: 'li', text: '1. Средняя оценка эффективности программ: наставники — 8,5, наставляемые — 8,6 балла из 10.' },
      { type: 'li', text: '2. Выше всего оценены комфорт общения и поддержка; ниже — понятность заданий.' },
      { type: 'li', text: '3. Все 6 наставников готовы продолжить участие; 7 из 8 наставляемых планируют остаться в лицее.' },
      {
        type: 'p',
        text: 'Рекомендация: в 2026-2027 учебном году формулировать задания программ в виде измеримых результатов и чаще проводить совместный разбор уроков.',
      },
      { type: 'sign', text: 'Куратор ____________________' },
    ],
  },
  {
    file: '/uploads/materials/pamyatka-nastavniku.pdf',
    heading: 'ПАМЯТКА',
    title: 'наставнику педагогического работника',
    numberDate: 'Материалы установочной сессии, 08.10.2025',
    date: '2025-10-08',
    subject: 'Памятка наставнику',
    blocks: [
      { type: 'li', text: '1. Начните с первой встречи-знакомства: обсудите ожидания, удобный график и способ связи.' },
      { type: 'li', text: '2. Вместе с наставляемым сформулируйте 2–3 измеримые цели на полугодие.' },
      { type: 'li', text: '3. Посещайте уроки друг друга по листу наблюдения; обсуждайте урок в течение суток.' },
      { type: 'li', text: '4. Хвалите конкретно, замечания давайте по одному и с вариантом решения.' },
      { type: 'li', text: '5. Отмечайте выполнение плана в программе раз в месяц и сообщайте куратору о трудностях.' },
      { type: 'li', text: '6. Помните: сведения о профессиональных трудностях коллеги конфиденциальны.' },
    ],
  },
  {
    file: '/uploads/materials/list-nablyudeniya-uroka.pdf',
    heading: 'ЧЕК-ЛИСТ',
    title: 'посещения урока (лист наблюдения)',
    numberDate: 'Редакция от 08.10.2025',
    date: '2025-10-08',
    subject: 'Чек-лист посещения урока',
    blocks: [
      { type: 'li', text: '1. Цель урока сформулирована и понятна ученикам (да / частично / нет).' },
      { type: 'li', text: '2. Этапы урока связаны между собой, время распределено рационально.' },
      { type: 'li', text: '3. Есть задания разного уровня сложности; учтены ученики с ОВЗ.' },
      { type: 'li', text: '4. Ученики получают обратную связь по критериям оценивания.' },
      { type: 'li', text: '5. Поддерживается рабочая дисциплина; правила класса соблюдаются.' },
      { type: 'li', text: '6. Рефлексия: ученики оценивают, чему научились.' },
      { type: 'p', text: 'Что получилось лучше всего: ____________________   Что попробовать на следующем уроке: ____________________' },
    ],
  },
  {
    file: '/uploads/practices/chek-list-roditelskogo-sobraniya.pdf',
    heading: 'ЧЕК-ЛИСТ',
    title: 'подготовки и проведения первого родительского собрания',
    numberDate: 'Методическая копилка, 2025',
    date: '2025-11-10',
    subject: 'Чек-лист первого родительского собрания',
    blocks: [
      { type: 'h', text: 'За 7 дней' },
      { type: 'li', text: '1. Согласовать дату, время и кабинет; разослать приглашение через электронный дневник.' },
      { type: 'li', text: '2. Подготовить повестку не больше чем из 4 вопросов и раздаточный лист с контактами.' },
      { type: 'h', text: 'На собрании (45–60 минут)' },
      { type: 'li', text: '3. Представиться, рассказать о себе и своих правилах работы с классом.' },
      { type: 'li', text: '4. Обсудить режим, требования к домашним заданиям и каналы связи.' },
      { type: 'li', text: '5. Не обсуждать успеваемость отдельных детей при всех родителях.' },
      { type: 'h', text: 'После собрания' },
      { type: 'li', text: '6. В течение двух дней отправить родителям краткий протокол и ответы на вопросы.' },
    ],
  },
];

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 70, right: 56, top: 56, bottom: 56 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

interface FontPair {
  /** Fonts tried in order for each character. */
  fonts: PDFFont[];
  /** Glyph coverage of each font, by code point. */
  has: ((cp: number) => boolean)[];
}

async function loadFonts(doc: PDFDocument, weight: 400 | 700): Promise<FontPair> {
  const fonts: PDFFont[] = [];
  const has: ((cp: number) => boolean)[] = [];
  for (const subset of ['cyrillic', 'latin']) {
    const bytes = fs.readFileSync(path.join(FONT_DIR, `pt-sans-${subset}-${weight}-normal.woff`));
    const parsed = fontkit.create(bytes);
    // A fixed name instead of pdf-lib's random suffix keeps the output byte-stable.
    const name = `PTSans-${weight === 700 ? 'Bold' : 'Regular'}-${subset === 'cyrillic' ? 'Cyr' : 'Lat'}`;
    fonts.push(await doc.embedFont(bytes, { subset: true, customName: name }));
    has.push((cp) => parsed.hasGlyphForCodePoint(cp));
  }
  return { fonts, has };
}

interface Run {
  text: string;
  font: PDFFont;
}

/** Splits text into runs, each drawn with the first font that has its glyphs. */
function runsOf(text: string, pair: FontPair): Run[] {
  const runs: Run[] = [];
  for (const ch of text.replace(/\u00a0/g, ' ')) {
    const cp = ch.codePointAt(0) ?? 32;
    let i = pair.has.findIndex((h) => h(cp));
    if (i === -1) throw new Error(`Нет глифа для символа «${ch}» (U+${cp.toString(16)})`);
    // A space exists in both subsets: keep it in the current run.
    const last = runs[runs.length - 1];
    if (ch === ' ' && last) i = pair.fonts.indexOf(last.font);
    const font = pair.fonts[i]!;
    if (last && last.font === font) last.text += ch;
    else runs.push({ text: ch, font });
  }
  return runs;
}

function widthOf(text: string, pair: FontPair, size: number): number {
  return runsOf(text, pair).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
}

/** Words joined by a no-break space (kept after «№» and before «—») never part. */
function wrap(text: string, pair: FontPair, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  const glued = text
    .replace(/№ /g, '№\u00a0')
    .replace(/ —/g, '\u00a0—')
    .replace(/ (\d+[,.]?\d* (?:балла|КБ))/g, '\u00a0$1');
  for (const word of glued.split(/ +/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && widthOf(candidate, pair, size) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}

function drawLine(page: PDFPage, text: string, pair: FontPair, size: number, x: number, y: number, color = rgb(0, 0, 0)): void {
  let cx = x;
  for (const run of runsOf(text, pair)) {
    page.drawText(run.text, { x: cx, y, size, font: run.font, color });
    cx += run.font.widthOfTextAtSize(run.text, size);
  }
}

function drawCentered(page: PDFPage, text: string, pair: FontPair, size: number, y: number, color = rgb(0, 0, 0)): number {
  for (const line of wrap(text, pair, size, TEXT_WIDTH)) {
    drawLine(page, line, pair, size, MARGIN.left + (TEXT_WIDTH - widthOf(line, pair, size)) / 2, y, color);
    y -= size * 1.35;
  }
  return y;
}

async function makePdf(spec: DemoPdf): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await loadFonts(doc, 400);
  const bold = await loadFonts(doc, 700);
  const page = doc.addPage([A4.width, A4.height]);
  const grey = rgb(0.35, 0.35, 0.35);
  const accent = rgb(0.65, 0.1, 0.1);

  let y = A4.height - MARGIN.top;
  // Demo banner.
  const banner = 'ДЕМОНСТРАЦИОННЫЙ ДОКУМЕНТ';
  page.drawRectangle({ x: MARGIN.left, y: y - 6, width: TEXT_WIDTH, height: 20, borderColor: accent, borderWidth: 1 });
  drawLine(page, banner, bold, 10, MARGIN.left + (TEXT_WIDTH - widthOf(banner, bold, 10)) / 2, y, accent);
  y -= 36;

  y = drawCentered(page, SCHOOL, bold, 11, y);
  y -= 4;
  page.drawLine({ start: { x: MARGIN.left, y }, end: { x: A4.width - MARGIN.right, y }, thickness: 0.8, color: grey });
  y -= 28;

  y = drawCentered(page, spec.heading, bold, 15, y);
  y -= 2;
  y = drawCentered(page, spec.numberDate, regular, 11, y);
  y = drawCentered(page, 'Санкт-Петербург', regular, 10, y, grey);
  y -= 10;
  y = drawCentered(page, spec.title, bold, 12, y);
  y -= 14;

  for (const block of spec.blocks) {
    const pair = block.type === 'h' ? bold : regular;
    const size = 11;
    const indent = block.type === 'li' ? 14 : 0;
    if (block.type === 'h') y -= 6;
    if (block.type === 'sign') y -= 24;
    const lines = wrap(block.text, pair, size, TEXT_WIDTH - indent);
    lines.forEach((line, i) => {
      const x = MARGIN.left + (block.type === 'li' && i > 0 ? indent + 10 : indent);
      drawLine(page, line, pair, size, x, y);
      y -= size * 1.45;
    });
    y -= 4;
  }

  const note = wrap(DEMO_NOTE, regular, 8.5, TEXT_WIDTH);
  let fy = MARGIN.bottom + (note.length - 1) * 11;
  page.drawLine({ start: { x: MARGIN.left, y: fy + 14 }, end: { x: A4.width - MARGIN.right, y: fy + 14 }, thickness: 0.5, color: grey });
  for (const line of note) {
    drawLine(page, line, regular, 8.5, MARGIN.left, fy, grey);
    fy -= 11;
  }
  if (y < MARGIN.bottom + 40) throw new Error(`Текст не помещается на страницу: ${spec.file}`);

  const fixed = new Date(`${spec.date}T09:00:00Z`);
  const kind = spec.heading.charAt(0) + spec.heading.slice(1).toLowerCase();
  const title = /^[А-ЯЁ]/.test(spec.title) ? `${kind} «${spec.title}»` : `${kind} ${spec.title}`;
  doc.setTitle(`${title} (демонстрационный документ)`, {
    showInWindowTitleBar: true,
  });
  doc.setLanguage('ru-RU');
  doc.setAuthor(SCHOOL_SHORT);
  doc.setSubject(spec.subject);
  doc.setKeywords(['наставничество', 'демонстрационный документ']);
  doc.setCreator('scripts/make-demo-pdfs.ts');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(fixed);
  doc.setModificationDate(fixed);
  return doc.save({ useObjectStreams: true });
}

for (const spec of DOCS) {
  const out = path.join(PUBLIC, spec.file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const bytes = await makePdf(spec);
  fs.writeFileSync(out, bytes);
  console.log(`${path.relative(ROOT, out)}: ${(bytes.length / 1024).toFixed(1)} КБ`);
}
