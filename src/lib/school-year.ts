/**
 * School years: a school year starts on 1 September. Surveys, matching and
 * monitoring cycles are counted in them; content and addresses keep the id
 * with a hyphen (`2025-2026`), which is what editors type and what URLs
 * hold, and readers see it with an en dash («2025–2026»).
 */

/** `2026-11-24` → `2026-2027`; `2026-05-10` → `2025-2026`. */
export function schoolYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const start = month >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** True for `2025-2026`-style school years whose second year follows the first. */
export function isSchoolYear(text: string): boolean {
  return /^\d{4}-\d{4}$/.test(text) && Number(text.slice(5)) === Number(text.slice(0, 4)) + 1;
}

/** A school year as readers see it: «2025–2026». */
export function schoolYearLabel(id: string): string {
  return id.replace(/^(\d{4})-(\d{4})$/, '$1\u2013$2');
}
