/**
 * A school year as readers see it: «2025–2026», with an en dash. Content and
 * addresses keep the id with a hyphen (`2025-2026`), which is what editors
 * type and what URLs hold.
 */
export function schoolYearLabel(id: string): string {
  return id.replace(/^(\d{4})-(\d{4})$/, '$1\u2013$2');
}
