/**
 * Where a matching report goes: `<school year>_<date>` in private/match/, and
 * on a second run the same day `…-2`, `…-3`: the report the curator read in
 * the morning is still there in the afternoon.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The path without extension of a report that overwrites no earlier one (.md or .json). */
export function freshReportBase(dir: string, schoolYear: string, today: string): string {
  const taken = (base: string) => fs.existsSync(`${base}.md`) || fs.existsSync(`${base}.json`);
  const first = path.join(dir, `${schoolYear}_${today}`);
  if (!taken(first)) return first;
  for (let n = 2; ; n++) if (!taken(`${first}-${n}`)) return `${first}-${n}`;
}
