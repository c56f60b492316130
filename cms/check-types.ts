/**
 * What the CMS sends to the save check and what it answers, shared by the
 * browser (cms/save.ts, cms/browser-review.ts) and the dev server
 * (cms/server/check-server.ts).
 */
import type { Problem } from '../src/lib/problems.ts';

/** What the CMS sends: the entry as it would be written. */
export interface CheckRequest {
  /** Schema name: a collection, or `site` / `vocabularies` for a settings file. */
  collection: string;
  /** An existing entry's file, relative to the project root. */
  file?: string;
  /** A new entry's file name without extension. */
  id?: string;
  /** Front matter (or the whole YAML file). */
  data: Record<string, unknown>;
  /** Markdown body. */
  body?: string;
}

/** The entry's problems, by what they mean for the editor. */
export interface EntryReview {
  /** The build would stop: not saved. */
  errors: Problem[];
  /** The site would withhold it (personal data without consent): not saved either. */
  withheld: Problem[];
  /** Worth a look (a name-like string not in the registry). */
  warnings: Problem[];
}
