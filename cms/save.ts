/**
 * What happens when an editor clicks «Сохранить», before Decap writes a file:
 * 1. the entry is checked against its schema (cms/check-entry.ts);
 * 2. against the values other entries already hold — a stage number, a
 *    programme code, a monitoring cycle (src/lib/unique-fields.ts, from
 *    `/admin/taken.json`);
 * 3. by the review: under `npm start` the dev server's, with the whole
 *    content folder and the registry (cms/server/check-server.ts: references,
 *    files, privacy); on a Git host the browser's own privacy review, with
 *    the registry read through the signed-in CMS backend
 *    (cms/browser-review.ts).
 * What would stop the build is refused; so is what the site would withhold
 * (a registry name or a phone number without consent), with every problem
 * listed and the person named: the CMS never says «Опубликовано» of an
 * entry the site will not show. Only a warning (a name-like string that is
 * not in the registry) is put to the editor. No review, no save.
 * A new entry is then given its transliterated file name (cms/file-names.ts),
 * which the collection's `slug` template picks up.
 */
import { cmsUi } from '../src/i18n/ru.ts';
import { todayIso } from '../src/lib/dates.ts';
import type { Problem } from '../src/lib/problems.ts';
import { duplicateProblems, type TakenValues } from '../src/lib/unique-fields.ts';
import { needsPrivacyReview, reviewInBrowser, ReviewUnavailable, type LoadedEntry } from './browser-review.ts';
import type { CheckRequest, EntryReview } from './check-types.ts';
import { checkEntry, EntryRejected, entryData } from './check-entry.ts';
import { FILE_NAME_KEY } from './config.ts';
import { entryFileName } from './file-names.ts';
import { revealField } from './reveal-field.ts';

/** The part of Decap's entry (an Immutable Map) the hook uses. */
interface EntryMap {
  get(key: string): unknown;
}
interface DataMap {
  toJS(): Record<string, unknown>;
  set(key: string, value: unknown): DataMap;
}

/** Where the site publishes the taken values (src/pages/admin/taken.json.ts). */
export const TAKEN_URL = '/admin/taken.json';

/** The editor declined to save an entry with a warning. */
export class SaveCancelled extends Error {
  override name = '';
  constructor() {
    super(cmsUi.saveCancelled);
  }
}

/**
 * The taken values as the site serves them now; none when they cannot be read
 * (an older build, no network): the other checks still run and the build
 * still reports a duplicate.
 */
export async function fetchTaken(url = TAKEN_URL): Promise<TakenValues> {
  try {
    const res = await fetch(url, { cache: 'no-store' });
    return res.ok ? ((await res.json()) as TakenValues) : {};
  } catch {
    return {};
  }
}

/** The dev server's review of an entry; rejects with ReviewUnavailable when the server does not answer. */
export async function fetchReview(request: CheckRequest, url: string): Promise<EntryReview> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    cache: 'no-store',
  }).catch(() => undefined);
  if (!res?.ok) throw new ReviewUnavailable(cmsUi.reviewServerDown);
  return (await res.json()) as EntryReview;
}

/** Reads a collection's entries through the CMS backend. */
export type LoadEntries = (collection: string) => Promise<LoadedEntry[]>;

/** The browser's privacy review, with the registry and the settings read through the CMS backend. */
export async function backendReview(request: CheckRequest, load: LoadEntries, today = todayIso()): Promise<EntryReview> {
  if (!needsPrivacyReview(request.collection)) return { errors: [], withheld: [], warnings: [] };
  const [people, settings] = await Promise.all([load('people'), load('settings')]).catch(() => {
    throw new ReviewUnavailable(cmsUi.registryUnreadable);
  });
  return reviewInBrowser(request, { people, settings }, today);
}

/** The question put to the editor before saving an entry with warnings. */
export function warningQuestion(warnings: readonly Problem[]): string | undefined {
  if (warnings.length === 0) return undefined;
  return [cmsUi.saveWarnings, ...warnings.map((p) => `• ${p.message}`), '', cmsUi.saveConfirm].join('\n');
}

export interface SaveChecks {
  loadTaken: () => Promise<TakenValues>;
  /** The review of the entry; rejects with ReviewUnavailable when there is none to be had. */
  review: (request: CheckRequest) => Promise<EntryReview>;
  /** Asks the editor; true to save. */
  confirm: (question: string) => boolean;
  /** Shows the editor the field of the first problem of a refused save (`title`, `term.to`, or undefined for the entry as a whole). */
  reveal?: (field: string | undefined) => void;
}

/** The checks of an admin page: the dev server's review when the page names one, the browser's own otherwise. */
export function pageChecks(reviewUrl: string | undefined, load: LoadEntries): SaveChecks {
  return {
    loadTaken: () => fetchTaken(),
    review: (request) => (reviewUrl ? fetchReview(request, reviewUrl) : backendReview(request, load)),
    confirm: (question) => window.confirm(question),
    reveal: (field) => revealField(field),
  };
}

/** The schema name of an entry: a settings file is checked by its own schema. */
function schemaName(entry: EntryMap): string {
  const collection = String(entry.get('collection'));
  return collection === 'settings' ? String(entry.get('slug')) : collection;
}

/** A Decap `preSave` listener running the checks above. */
export function makePreSave(checks: SaveChecks) {
  /** Rejects (shown as a Russian toast, the first field with a problem brought into view) or resolves to the data to save. */
  return async function preSave({ entry }: { entry: EntryMap }): Promise<DataMap | undefined> {
    try {
      return await check(entry);
    } catch (err) {
      if (err instanceof EntryRejected) checks.reveal?.(err.problems.find((p) => p.field)?.field);
      throw err;
    }
  };

  async function check(entry: EntryMap): Promise<DataMap | undefined> {
    const data = entry.get('data') as DataMap;
    const name = schemaName(entry);
    const plain = data.toJS();
    const isNew = Boolean(entry.get('newRecord'));
    const file = isNew ? '' : String(entry.get('path') ?? '');
    const problems = checkEntry(name, plain, file || name);
    if (problems.length > 0) throw new EntryRejected(problems);

    const front = entryData(name, plain);
    const duplicates = duplicateProblems({ collection: name, file, data: front }, await checks.loadTaken());
    if (duplicates.length > 0) throw new EntryRejected(duplicates);

    const id = isNew ? entryFileName(name, front) : undefined;
    const body = typeof plain.body === 'string' ? plain.body : undefined;
    const review = await checks.review({
      collection: name,
      ...(file ? { file } : { id }),
      data: front,
      ...(body === undefined ? {} : { body }),
    });
    if (review.errors.length > 0) throw new EntryRejected(review.errors);
    if (review.withheld.length > 0) throw new EntryRejected(review.withheld, cmsUi.saveWithheld);
    const question = warningQuestion(review.warnings);
    if (question && !checks.confirm(question)) throw new SaveCancelled();

    return id === undefined ? undefined : data.set(FILE_NAME_KEY, id);
  }
}
