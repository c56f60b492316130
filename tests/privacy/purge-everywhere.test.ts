/**
 * A withdrawal with erasure after a season of the tools: the person's name
 * is gone from every file the tools wrote (reports, drafts, the undo
 * journal, the import's memory), the text left on the site reads as
 * Russian, the dry run refuses what the real run refuses, and the act has
 * the requisites the Roskomnadzor order asks for.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { tempContent, type TempContent } from '../helpers/fixture.ts';
import { runNode } from '../helpers/run.ts';
import { docxText } from '../tools/helpers/docx-text.ts';

let content: TempContent | undefined;
let privateDir = '';
afterEach(() => {
  content?.cleanup();
  fs.rmSync(privateDir, { recursive: true, force: true });
});

const run = (script: string, args: string[], today: string) =>
  runNode([`scripts/${script}.ts`, ...args], { CONTENT_DIR: content!.dir, SITE_TODAY: today, PRIVATE_DIR: privateDir }, 60_000);

/** Every file under a folder with its text (.docx as its text). */
function texts(dir: string): { file: string; text: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .map((file) => ({
      file: path.relative(dir, file),
      text: file.endsWith('.docx') ? docxText(fs.readFileSync(file)) : fs.readFileSync(file).toString('utf8'),
    }));
}

/** The season before the withdrawal: an import that touches p-002, a match, the order draft, the privacy report. */
async function season(): Promise<void> {
  content = tempContent();
  privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-private-'));
  content.edit(
    'news/2025-09-01-start.md',
    (t) =>
      `${t}\nКоллеги поблагодарили учителя математики Илью Петровича Образцова за открытый урок. По словам Ильи Петровича Образцова, учителя математики, урок удался.\n\nИлья Петрович Образцов, молодой специалист, провёл классный час.\n`,
  );
  const csv = path.join(privateDir, '..', `${path.basename(privateDir)}-anketa.csv`);
  fs.writeFileSync(csv, 'ФИО;Формат;Электронная почта\nОбразцов Илья Петрович;Ситуационное;obraztsov@school1.example\n');
  const imported = await run('import-survey', [csv, '--kind', 'mentee', '--write'], '2025-12-01');
  expect(imported.code, imported.stdout + imported.stderr).toBe(0);
  fs.rmSync(csv);
  content.edit('registry/people/p-002.yaml', (t) => {
    const doc = parseDocument(t);
    doc.setIn(['consents', 'processing', 'document'], 'Согласие № 2/2025');
    doc.setIn(['consents', 'processing', 'withdrawn'], '2026-02-15');
    return doc.toString();
  });
  for (const [script, args] of [
    ['match', ['--year', '2025-2026']],
    ['draft-order', ['--year', '2025-2026', '--all']],
    ['privacy-report', []],
  ] as const) {
    const r = await run(script, [...args], '2026-03-01');
    expect(r.code === 0 || script === 'privacy-report', `${script}: ${r.stdout}${r.stderr}`).toBe(true);
  }
}

describe('npm run privacy:purge after a season', () => {
  it('leaves the name in no file the tools wrote, and no way to undo it back', async () => {
    await season();
    const before = texts(privateDir);
    expect(before.some((f) => f.text.includes('Образцов'))).toBe(true);
    expect(before.some((f) => f.file.startsWith('journal'))).toBe(true);
    const r = await run('privacy-purge', ['p-002'], '2026-03-01');
    expect(r.code, r.stderr).toBe(0);
    const left = texts(privateDir).filter((f) => !f.file.endsWith('-replace-text.txt'));
    for (const f of left) {
      expect(f.text, f.file).not.toMatch(/Образцов|obraztsov/);
      if (!f.file.startsWith('purge')) expect(f.text, f.file).not.toMatch(/(?<![\w-])p-002(?![\w-])/);
    }
    expect(left.some((f) => f.file.startsWith('journal'))).toBe(false);
    expect(r.stdout).toMatch(/удаляется закрытый файл: .*match\/2025-2026_2026-03-01\.md \(сформируйте заново: npm run match\)/);
    expect(r.stdout).toMatch(
      /удаляется закрытый файл: .*prikaz-o-zakreplenii-par-2025-2026\.docx \(сформируйте заново: npm run draft:order -- --year 2025-2026 --all\)/,
    );
    expect(r.stdout).toMatch(/privacy-report\.md \(сформируйте заново: npm run privacy:report\)/);
    const undo = await run('undo', [], '2026-03-01');
    expect(undo.stdout).toMatch(/Журнал пуст/);
    expect(content!.read('registry/people/p-002.yaml')).toContain('tombstone: true');
  });

  it('writes Russian where the name stood, without the details that pointed to the person', async () => {
    await season();
    expect((await run('privacy-purge', ['p-002'], '2026-03-01')).code).toBe(0);
    const news = content!.read('news/2025-09-01-start.md');
    expect(news).toContain('Коллеги поблагодарили педагога за открытый урок.');
    expect(news).toContain('По словам педагога, урок удался.');
    expect(news).toContain('Педагог провёл классный час.');
    expect(news).not.toMatch(/Образцов|учител[яь] математики|молодой специалист|поблагодарили педагог\b|словам педагог\b/);
  });

  it('writes the act with the requisites of Приказ Роскомнадзора № 179, and reminds to delete the form service’s answers', async () => {
    await season();
    const r = await run('privacy-purge', ['p-002'], '2026-03-01');
    expect(r.code, r.stderr).toBe(0);
    const act = path.join(privateDir, 'purge', 'p-002-akt-2026-03-01.docx');
    const text = docxText(fs.readFileSync(act));
    for (const requisite of [
      'АКТ ОБ УНИЧТОЖЕНИИ ПЕРСОНАЛЬНЫХ ДАННЫХ',
      'Оператор персональных данных, адрес',
      'Государственное бюджетное общеобразовательное учреждение школа № 1; Санкт-Петербург, ул. Примерная, д. 1',
      'Субъект персональных данных',
      'идентификатор p-002; согласие на обработку персональных данных «Согласие № 2/2025» от 01.09.2025',
      'Перечень категорий уничтоженных персональных данных',
      'фамилия, имя, отчество',
      'адрес электронной почты',
      'профессиональные затруднения',
      'Информационная система персональных данных',
      'Способ уничтожения',
      'Причина уничтожения',
      'отзыв субъектом персональных данных согласия на их обработку (часть 5 статьи 21',
      'Дата уничтожения',
      '01.03.2026',
      'Лица, уничтожившие персональные данные:',
      'выгрузка из журнала действий',
    ])
      expect(text, requisite).toContain(requisite);
    expect(text).toMatch(/_{6,}/);
    expect(text).not.toMatch(/Образцов|Илья/);
    expect(r.stdout).toMatch(/удалить исходные ответы .* в Яндекс Формах или Google Forms/);
    expect(r.stdout).toMatch(/anketa\.csv/);
  });

  it('refuses in a dry run exactly what it refuses for real', async () => {
    await season();
    const dry = await run('privacy-purge', ['p-001', '--dry-run'], '2026-03-01');
    expect(dry.code).toBe(1);
    expect(dry.stderr).toMatch(/согласие участника «p-001» на обработку не отозвано/);
    const forced = await run('privacy-purge', ['p-001', '--dry-run', '--force'], '2026-03-01');
    expect(forced.code, forced.stderr).toBe(0);
    const dryP2 = await run('privacy-purge', ['p-002', '--dry-run'], '2026-03-01');
    const real = await run('privacy-purge', ['p-002'], '2026-03-01');
    const steps = (out: string) => out.split('\n').filter((l) => l.startsWith('- '));
    expect(steps(real.stdout)).toEqual(steps(dryP2.stdout));
  });
});
