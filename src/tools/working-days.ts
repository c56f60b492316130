/**
 * Working days of the Russian calendar, for the dates the tools put into
 * documents: a programme that starts on a Sunday, or on 4 November, starts on
 * paper on a day nobody is at school.
 *
 * Non-working: Saturdays, Sundays and the public holidays of ТК РФ ст. 112
 * (1–8 January, 23 February, 8 March, 1 and 9 May, 12 June, 4 November). A
 * holiday on a weekend moves to the next working day, except the January
 * ones, which the Government moves by its yearly decree; that decree (and
 * its other transfers) is not known in advance, so a date from here is a
 * proposal the methodologist checks against the year's production calendar.
 */

const HOLIDAYS = [
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
];
/** Holidays whose weekend occurrence moves to the next working day by ТК РФ ст. 112 itself. */
const MOVED_BY_LAW = new Set(['02-23', '03-08', '05-01', '05-09', '06-12', '11-04']);

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

function addDays(d: Date, n: number): Date {
  const next = new Date(d);
  next.setUTCDate(next.getUTCDate() + n);
  return next;
}

/** The days off of a year that are not weekends: the holidays and their transfers. */
function daysOff(year: number): Set<string> {
  const off = new Set(HOLIDAYS.map((md) => `${year}-${md}`));
  for (const md of HOLIDAYS) {
    const day = utc(`${year}-${md}`);
    if (!MOVED_BY_LAW.has(md) || !isWeekend(day)) continue;
    let moved = addDays(day, 1);
    while (isWeekend(moved) || off.has(iso(moved))) moved = addDays(moved, 1);
    off.add(iso(moved));
  }
  return off;
}

const cache = new Map<number, Set<string>>();

/** True for a working day (`YYYY-MM-DD`). */
export function isWorkingDay(date: string): boolean {
  const d = utc(date);
  const year = d.getUTCFullYear();
  if (!cache.has(year)) cache.set(year, daysOff(year));
  return !isWeekend(d) && !cache.get(year)!.has(date);
}

/** The date itself when it is a working day, else the next working day. */
export function workingDayFrom(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = iso(addDays(utc(d), 1));
  return d;
}
