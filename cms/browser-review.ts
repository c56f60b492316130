/**
 * The privacy review in the editor's browser, for the CMS on a Git host.
 *
 * There the site is static: no dev server knows the registry, and the public
 * site never serves it. The editor, though, is signed in to the repository
 * that holds content/registry/, and Decap reads it through the same backend
 * it saves with (cms/decap-entries.ts). With that registry and the site
 * settings this runs the build's own privacy review (src/privacy/review.ts)
 * on the one entry being saved, so a registry name without consent or a
 * phone number — what the build would withhold — is refused before the
 * commit, and the message names the person.
 */
import { cmsUi } from '../src/i18n/ru.ts';
import type { ValidEntry } from '../src/validate/validate.ts';
import { isError } from '../src/lib/problems.ts';
import { COLLECTION_PLACES, reviewPrivacy } from '../src/privacy/review.ts';
import { plainSchemaFor, type CollectionName } from '../src/schema/index.ts';
import type { RegistryRecord } from '../src/schema/registry.ts';
import type { SiteSettings, Vocabularies } from '../src/schema/settings.ts';
import type { CheckRequest, EntryReview } from './check-types.ts';
import { withoutHelperKeys } from './config.ts';
import { namePeople } from './people-names.ts';

/** An entry as Decap's backend loads it. */
export interface LoadedEntry {
  slug: string;
  path?: string;
  data: Record<string, unknown> | null;
}

/** What the review reads through the CMS backend. */
export interface ReviewSources {
  /** The registry collection's entries (`people`). */
  people: readonly LoadedEntry[];
  /** The settings collection's files (`site`, `vocabularies`). */
  settings: readonly LoadedEntry[];
}

/** The review could not be had: the save is refused with this reason. */
export class ReviewUnavailable extends Error {
  override name = '';
  constructor(reason: string) {
    super(cmsUi.reviewUnavailable(reason));
  }
}

/** True for collections the site publishes: only their entries get the privacy review. */
export const needsPrivacyReview = (collection: string): boolean => Object.hasOwn(COLLECTION_PLACES, collection);

/** The entry's data as its schema reads it; the CMS's own keys (the file's text among them) are not the entry's. */
function parsed(collection: CollectionName, loaded: Record<string, unknown>): Record<string, unknown> | undefined {
  const data = withoutHelperKeys(loaded);
  const result = plainSchemaFor(collection, data).safeParse(data);
  return result.success ? (result.data as Record<string, unknown>) : undefined;
}

function setting(sources: ReviewSources, name: 'site' | 'vocabularies'): Record<string, unknown> | undefined {
  const entry = sources.settings.find((e) => e.slug === name);
  return entry?.data ? parsed(name, entry.data) : undefined;
}

/**
 * The registry as the build reads it: records that pass their schema, by file
 * name (an invalid record stops the build on its own).
 */
export function registryFrom(people: readonly LoadedEntry[]): Map<string, RegistryRecord> {
  const registry = new Map<string, RegistryRecord>();
  for (const entry of people) {
    const record = entry.data && parsed('people', entry.data);
    if (record) registry.set(entry.slug, record as unknown as RegistryRecord);
  }
  return registry;
}

/** The privacy review of one entry, as the build would do it; throws ReviewUnavailable without the settings. */
export function reviewInBrowser(request: CheckRequest, sources: ReviewSources, today: string): EntryReview {
  const none: EntryReview = { errors: [], withheld: [], warnings: [] };
  const collection = request.collection as CollectionName;
  if (!needsPrivacyReview(collection)) return none;
  const site = setting(sources, 'site');
  const vocab = setting(sources, 'vocabularies');
  if (!site || !vocab) throw new ReviewUnavailable(cmsUi.settingsUnreadable);
  const data = parsed(collection, request.data);
  // An entry that fails its schema was refused before this review.
  if (!data) return none;
  const id = request.id ?? (request.file ?? '').replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const file = request.file ?? `${collection}/${id}`;
  const entry: ValidEntry = { collection, id, path: file, file, data: request.data, body: request.body ?? '', parsed: data };
  const registry = registryFrom(sources.people);
  const review = reviewPrivacy({
    index: new Map([[collection, new Map([[id, entry]])]]),
    registry,
    settings: site as unknown as SiteSettings,
    vocab: vocab as unknown as Vocabularies,
    today,
  });
  const problems = namePeople(review.problems, registry);
  return { errors: [], withheld: problems.filter(isError), warnings: problems.filter((p) => !isError(p)) };
}
