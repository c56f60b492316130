/**
 * What happens when an editor clicks «Сохранить», before Decap writes a file:
 * 1. the entry is checked against its schema (cms/check-entry.ts);
 * 2. against the values other entries already hold — a stage number, a
 *    programme code, a monitoring cycle (src/lib/unique-fields.ts, from
 *    `/admin/taken.json`);
 * 3. under `npm start`, by the dev server with the whole content folder and
 *    the registry (cms/check-server.ts): references, files, and the privacy
 *    review. What would stop the build is refused; what would keep the entry
 *    off the site (a name or a phone number without consent) is shown, and
 *    the editor decides whether to save it as it is.
 * A new entry is then given its transliterated file name (cms/file-names.ts),
 * which the collection's `slug` template picks up.
 */
import { cmsUi } from '../src/i18n/ru.ts';
import type { Problem } from '../src/lib/problems.ts';
import { duplicateProblems, type TakenValues } from '../src/lib/unique-fields.ts';
import type { CheckRequest, EntryReview } from './check-server.ts';
import { checkEntry, EntryRejected, entryData } from './check-entry.ts';
import { FILE_NAME_KEY } from './config.ts';
import { entryFileName } from './file-names.ts';

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
/** Where the dev server reviews an entry (cms/check-server.ts; the same path). */
export const CHECK_URL = '/admin/check.json';

/** The editor declined to save an entry the site would not publish. */
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

/** The dev server's review of an entry; undefined where there is none (a static site on a Git host). */
export async function fetchReview(request: CheckRequest, url = CHECK_URL): Promise<EntryReview | undefined> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
    return res.ok ? ((await res.json()) as EntryReview) : undefined;
  } catch {
    return undefined;
  }
}

/** The question put to the editor before saving an entry the site would withhold or that needs a look. */
export function reviewQuestion(review: EntryReview): string | undefined {
  const lines = (title: string, problems: Problem[]) => (problems.length ? [title, ...problems.map((p) => `• ${p.message}`)] : []);
  const parts = [...lines(cmsUi.saveWithheld, review.withheld), ...lines(cmsUi.saveWarnings, review.warnings)];
  return parts.length ? [...parts, '', cmsUi.saveConfirm].join('\n') : undefined;
}

export interface SaveChecks {
  loadTaken: () => Promise<TakenValues>;
  review: (request: CheckRequest) => Promise<EntryReview | undefined>;
  /** Asks the editor; true to save. */
  confirm: (question: string) => boolean;
}

/** The schema name of an entry: a settings file is checked by its own schema. */
function schemaName(entry: EntryMap): string {
  const collection = String(entry.get('collection'));
  return collection === 'settings' ? String(entry.get('slug')) : collection;
}

/** A Decap `preSave` listener running the checks above. */
export function makePreSave(checks: SaveChecks) {
  /** Rejects (shown as a Russian toast) or resolves to the data to save. */
  return async function preSave({ entry }: { entry: EntryMap }): Promise<DataMap | undefined> {
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
    if (review?.errors.length) throw new EntryRejected(review.errors);
    const question = review && reviewQuestion(review);
    if (question && !checks.confirm(question)) throw new SaveCancelled();

    return id === undefined ? undefined : data.set(FILE_NAME_KEY, id);
  };
}

export const preSave = makePreSave({
  loadTaken: () => fetchTaken(),
  review: (request) => fetchReview(request),
  confirm: (question) => window.confirm(question),
});
