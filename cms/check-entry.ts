/**
 * The save check: an entry the build would reject is not saved.
 *
 * Decap checks required fields, patterns and bounds field by field; the
 * schema knows more (an event ends after it starts, a programme lasts 3–12
 * months, a pair has one mentee, a document has a file or a link). Before a
 * save the CMS runs the entry's own zod schema and, if it fails, refuses the
 * save with the same Russian messages `npm run validate` prints.
 */
import { issuesToProblems } from '../src/lib/error-map.ts';
import type { Problem } from '../src/lib/problems.ts';
import { cmsUi } from '../src/i18n/ru.ts';
import { schemaOfCms, withoutHelperKeys } from './config.ts';
import { normaliseEntry } from './normalise-entry.ts';

/** The front matter of an entry as the file will hold it: tidied, without the body and the CMS's own keys. */
export function entryData(collection: string, data: Record<string, unknown>): Record<string, unknown> {
  const { body: _body, ...rest } = withoutHelperKeys(data);
  const schema = schemaOfCms(collection, rest);
  return schema ? normaliseEntry(schema, rest) : rest;
}

/** Problems of an entry of a CMS collection (or settings file), with Russian messages; empty when it is valid. */
export function checkEntry(collection: string, data: Record<string, unknown>, file = collection): Problem[] {
  const clean = entryData(collection, data);
  const schema = schemaOfCms(collection, clean);
  if (!schema) return [];
  const result = schema.safeParse(clean);
  return result.success ? [] : issuesToProblems(result.error.issues, { file, root: schema, data: clean });
}

/** The error a refused save shows in the CMS: why, then every problem on its own line. */
export class EntryRejected extends Error {
  override name = '';
  readonly problems: Problem[];
  constructor(problems: Problem[], heading: string = cmsUi.saveRefused) {
    super(`${heading}\n${problems.map((p) => `• ${p.message}`).join('\n')}`);
    this.problems = problems;
  }
}
