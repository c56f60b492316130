/**
 * Survey exports the tests read: the committed fixtures, and an XLSX made
 * here with ExcelJS the way Google Forms exports one (separate name columns,
 * a real date cell, a number cell), so its content is reviewable as code.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { FIXTURES } from '../../helpers/paths.ts';

export const SURVEYS = path.join(FIXTURES, 'surveys');
export const MENTEES_CP1251 = path.join(SURVEYS, 'mentees-yandex-cp1251.csv');
export const MENTORS_UTF8 = path.join(SURVEYS, 'mentors-google-utf8.csv');
export const MONITORING_CSV = path.join(SURVEYS, 'monitoring-2026-2027.csv');
export const MAPPING = path.join(SURVEYS, 'mapping-custom.yaml');
export const CUSTOM_FORM = path.join(SURVEYS, 'custom-form.csv');

/** A Google Forms-style mentee export as XLSX. */
export async function writeMenteesXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ответы на форму (1)');
  ws.addRow([
    'Отметка времени',
    'Фамилия',
    'Имя',
    'Отчество',
    'Ваша должность',
    'Преподаваемые предметы',
    'Стаж педагогической работы (лет)',
    'Квалификационная категория',
    'Профессиональные затруднения (отметьте все подходящие)',
    'Предпочитаемые формы наставничества',
    'Адрес электронной почты',
    'Дата согласия на обработку персональных данных',
  ]);
  ws.addRow([
    new Date(Date.UTC(2026, 9, 12, 9, 30)),
    'Орлова',
    'Вера',
    'Николаевна',
    'учитель',
    'Английский язык',
    2,
    'Без категории',
    'Цифровые инструменты, Мотивация учащихся, Оценивание и обратная связь',
    'Виртуальное (дистанционное), Ситуационное',
    'orlova@licey126.example',
    new Date(Date.UTC(2026, 9, 12)),
  ]);
  ws.addRow([
    new Date(Date.UTC(2026, 9, 13, 11, 0)),
    'Белова',
    'Ольга',
    '',
    'учитель',
    'Английский язык',
    1,
    'нет',
    'Распределение времени и нагрузки',
    '',
    '',
    '',
  ]);
  await wb.xlsx.writeFile(file);
}
