/**
 * What the CMS may touch through the local API of `npm start`.
 *
 * The allow-list is the generated Decap config itself (cms/config.ts): each
 * folder collection's folder and extension, each file collection's files, the
 * global media folder and the upload folders of collections and fields. Every
 * path in a request is compared with it as text before anything touches the
 * disk, and must belong to the collection the request names; whatever the
 * config does not declare — the Astro config, pages, scripts, Git hooks, the
 * README, the registry through another collection — is refused, and so are
 * `..`, backslashes, `%`, control characters and absolute paths. The second
 * look, on disk, follows symlinks (cms/server/real-paths.ts).
 */
import { cmsApiUi } from '../../src/i18n/ru.ts';
import { ID_PATTERN } from '../../src/schema/fields.ts';
import type { CmsConfig } from '../config.ts';
import type { CmsField } from '../fields.ts';
import { isUploadType, MAX_ENTRY_BYTES, maxBytesFor, MB } from '../limits.ts';

/** A request the local API will not pass on, with the status and Russian message it answers. */
export class ApiRefusal extends Error {
  override name = 'ApiRefusal';
  readonly status: 400 | 403 | 413 | 422 | 503;
  /** What the terminal shows: the message, or a shorter text when the message names people. */
  readonly logText: string;
  constructor(status: 400 | 403 | 413 | 422 | 503, message: string, logText = message) {
    super(message);
    this.status = status;
    this.logText = logText;
  }
}

export interface CollectionPaths {
  name: string;
  /** A folder collection's folder and its entries' extension. */
  folder?: string;
  extension?: string;
  /** A file collection's files. */
  files: readonly string[];
  /** Where this collection's uploads go (its own, its fields', the global folder). */
  media: readonly string[];
  deletable: boolean;
}

export interface PathPolicy {
  /** The only branch the CMS works with. */
  branch: string;
  collections: ReadonlyMap<string, CollectionPaths>;
  /** Every upload folder. */
  media: readonly string[];
  /** Folders the media library may list: the upload folders and the collection folders (a new entry's media). */
  listable: readonly string[];
  /** Declared folders, each path's anchor for the check on disk. */
  roots: readonly string[];
}

/** A path the request touches, with the declared folder it must stay inside on disk. */
export interface Touch {
  path: string;
  anchor: string;
}

export interface CheckedRequest {
  action: string;
  write: boolean;
  files: Touch[];
  /** Folders it lists (their symlinks are checked too). */
  folders: Touch[];
}

const trimSlashes = (p: string) => p.replace(/^\/+|\/+$/g, '');
const join = (...parts: string[]) => parts.filter(Boolean).join('/');

/** A media folder as Decap resolves it: `/x` from the repository root, `x` beside the entries. */
function mediaFolder(folder: string, base: string): string {
  return folder.startsWith('/') ? trimSlashes(folder) : join(base, trimSlashes(folder));
}

function fieldMediaFolders(fields: readonly CmsField[] | undefined, base: string): string[] {
  return (fields ?? []).flatMap((f) => [
    ...(typeof f.media_folder === 'string' ? [mediaFolder(f.media_folder, base)] : []),
    ...fieldMediaFolders(f.fields, base),
    ...(f.field ? fieldMediaFolders([f.field], base) : []),
  ]);
}

/** The allow-list of a generated Decap config. */
export function pathPolicy(config: CmsConfig): PathPolicy {
  const global = trimSlashes(String(config.media_folder ?? ''));
  const collections = new Map<string, CollectionPaths>();
  for (const c of config.collections) {
    const folder = c.folder ? trimSlashes(c.folder) : undefined;
    const files = (c.files ?? []).map((f) => trimSlashes(f.file));
    const fields = [...(c.fields ?? []), ...(c.files ?? []).flatMap((f) => f.fields)];
    const own = folder && typeof c.media_folder === 'string' ? [mediaFolder(c.media_folder, folder)] : [];
    const media = [...new Set([...own, ...fieldMediaFolders(fields, folder ?? ''), ...(global ? [global] : [])])];
    collections.set(c.name, {
      name: c.name,
      ...(folder ? { folder, extension: String(c.extension ?? 'md') } : {}),
      files,
      media,
      deletable: Boolean(folder) && c.delete !== false,
    });
  }
  const all = [...collections.values()];
  const media = [...new Set(all.flatMap((c) => c.media))];
  const folders = all.flatMap((c) => (c.folder ? [c.folder] : []));
  const fileDirs = all.flatMap((c) => c.files.map(parentOf));
  return {
    branch: String(config.backend.branch ?? 'main'),
    collections,
    media,
    listable: [...new Set([...media, ...folders])],
    roots: [...new Set([...folders, ...fileDirs, ...(global ? [global] : [])])],
  };
}

const refuse = (message: string = cmsApiUi.outside) => new ApiRefusal(403, message);
const malformed = () => new ApiRefusal(400, cmsApiUi.malformed);

function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** A repository-relative path as the CMS sends it; anything that could mean another place is refused. */
export function cleanPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1024) throw refuse();
  // Backslashes, %-escapes, control characters, absolute and drive paths never come from Decap.
  if (/[\u0000-\u001f\u007f\\%]/.test(value) || value.startsWith('/') || /^[a-z]:/i.test(value)) throw refuse();
  if (value.split('/').some((s) => s === '' || s === '.' || s === '..')) throw refuse();
  return value;
}

/** A file name the CMS may create: letters, digits, `_ . -`, not hidden. */
const SAFE_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]{0,199}$/u;

/** The declared folder a path belongs to (the nearest declared root above it). */
function anchorOf(policy: PathPolicy, dir: string): string {
  const roots = policy.roots.filter((r) => dir === r || dir.startsWith(`${r}/`)).sort((a, b) => a.length - b.length);
  return roots[0] ?? dir;
}

/** True when `p` is an entry file of collection `c`. */
export function isEntryOf(c: CollectionPaths, p: string): boolean {
  if (c.files.includes(p)) return true;
  if (!c.folder || parentOf(p) !== c.folder) return false;
  const name = p.slice(c.folder.length + 1);
  const ext = `.${c.extension}`;
  return name.endsWith(ext) && ID_PATTERN.test(name.slice(0, -ext.length));
}

/** True when `p` is a file the CMS may upload into one of `folders`. */
export function isUploadIn(folders: readonly string[], p: string): boolean {
  const name = p.slice(parentOf(p).length + 1);
  return folders.includes(parentOf(p)) && SAFE_NAME.test(name) && isUploadType(name);
}

/** True when `p` is an upload the media library may read (in an upload folder, or beside a new entry). */
export function isReadableMedia(policy: PathPolicy, p: string): boolean {
  const name = p.slice(parentOf(p).length + 1);
  return policy.listable.includes(parentOf(p)) && SAFE_NAME.test(name) && isUploadType(name);
}

type Params = Record<string, unknown>;

const isObject = (v: unknown): v is Params => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown): string {
  if (typeof v !== 'string') throw malformed();
  return v;
}

function list(v: unknown, max: number, min = 1): unknown[] {
  if (!Array.isArray(v) || v.length < min || v.length > max) throw malformed();
  return v;
}

function collectionOf(policy: PathPolicy, name: unknown): CollectionPaths {
  const c = typeof name === 'string' ? policy.collections.get(name) : undefined;
  if (!c) throw refuse(cmsApiUi.wrongCollection);
  return c;
}

/** A collection and an entry slug: they name the Git branch of a draft (`cms/<collection>/<slug>`). */
function draftOf(policy: PathPolicy, params: Params, byId = false): CollectionPaths {
  const pair = (collection: unknown, slug: unknown) => {
    const c = collectionOf(policy, collection);
    if (typeof slug !== 'string' || !ID_PATTERN.test(slug)) throw refuse();
    return c;
  };
  // For `unpublishedEntry` decap-server reads `id` (`<collection>/<slug>`) first when it is there.
  if (byId && params.id !== undefined) {
    const [collection, slug] = text(params.id).split(/\/(.*)/s);
    const c = pair(collection, slug);
    if (params.collection !== undefined) pair(params.collection, params.slug);
    return c;
  }
  return pair(params.collection, params.slug);
}

const base64Bytes = (s: string) => Math.floor((s.length * 3) / 4) - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0);

/** An upload in a request: where it goes and how large it is. */
function upload(policy: PathPolicy, folders: readonly string[], asset: unknown): Touch {
  if (!isObject(asset)) throw malformed();
  const p = cleanPath(asset.path);
  if (!isUploadIn(folders, p)) throw refuse(folders.includes(parentOf(p)) ? cmsApiUi.fileType : cmsApiUi.outside);
  if (asset.encoding !== 'base64') throw malformed();
  const limit = maxBytesFor(p);
  if (base64Bytes(text(asset.content)) > limit) throw new ApiRefusal(413, cmsApiUi.fileTooLarge(limit / MB));
  return { path: p, anchor: anchorOf(policy, parentOf(p)) };
}

function entry(policy: PathPolicy, c: CollectionPaths, value: unknown): Touch {
  const p = cleanPath(value);
  if (!isEntryOf(c, p)) throw refuse(entryCollection(policy, p) ? cmsApiUi.wrongCollection : cmsApiUi.outside);
  return { path: p, anchor: anchorOf(policy, parentOf(p)) };
}

/** The collection an entry path belongs to, if any. */
export function entryCollection(policy: PathPolicy, p: string): CollectionPaths | undefined {
  return [...policy.collections.values()].find((c) => isEntryOf(c, p));
}

function anyEntry(policy: PathPolicy, value: unknown): Touch {
  const p = cleanPath(value);
  if (!entryCollection(policy, p)) throw refuse();
  return { path: p, anchor: anchorOf(policy, parentOf(p)) };
}

function deletable(policy: PathPolicy, value: unknown): Touch {
  const p = cleanPath(value);
  const c = entryCollection(policy, p);
  if (!(c?.deletable && c.folder && parentOf(p) === c.folder) && !isUploadIn(policy.media, p)) throw refuse();
  return { path: p, anchor: anchorOf(policy, parentOf(p)) };
}

function readableMedia(policy: PathPolicy, value: unknown): Touch {
  const p = cleanPath(value);
  if (!isReadableMedia(policy, p)) throw refuse();
  return { path: p, anchor: anchorOf(policy, parentOf(p)) };
}

function persistEntry(policy: PathPolicy, params: Params): Touch[] {
  if (!isObject(params.options)) throw malformed();
  const c = collectionOf(policy, params.options.collectionName);
  const dataFiles = params.dataFiles === undefined ? [params.entry] : list(params.dataFiles, 10);
  const touched: Touch[] = [];
  for (const file of dataFiles) {
    if (!isObject(file)) throw malformed();
    touched.push(entry(policy, c, file.path));
    if (!ID_PATTERN.test(text(file.slug))) throw refuse();
    if (Buffer.byteLength(text(file.raw)) > MAX_ENTRY_BYTES) throw new ApiRefusal(413, cmsApiUi.entryTooLarge(MAX_ENTRY_BYTES / MB));
    if (file.newPath !== undefined) {
      // A rename stays in the collection's own folder.
      const moved = entry(policy, c, file.newPath);
      if (parentOf(moved.path) !== parentOf(String(file.path))) throw refuse();
      touched.push(moved);
    }
  }
  for (const asset of list(params.assets ?? [], 20, 0)) touched.push(upload(policy, c.media, asset));
  return touched;
}

const READS: ReadonlySet<string> = new Set([
  'info',
  'entriesByFolder',
  'entriesByFiles',
  'getEntry',
  'unpublishedEntries',
  'unpublishedEntry',
  'unpublishedEntryDataFile',
  'unpublishedEntryMediaFile',
  'getMedia',
  'getMediaFile',
  'getDeployPreview',
]);
const WRITES: ReadonlySet<string> = new Set([
  'persistEntry',
  'persistMedia',
  'deleteFile',
  'deleteFiles',
  'deleteUnpublishedEntry',
  'updateUnpublishedEntryStatus',
  'publishUnpublishedEntry',
]);
const STATUSES: ReadonlySet<string> = new Set(['draft', 'pending_review', 'pending_publish']);

/** The action of a request body, if it is one the CMS sends. */
export function actionOf(body: unknown): string {
  if (!isObject(body) || typeof body.action !== 'string') throw malformed();
  if (!READS.has(body.action) && !WRITES.has(body.action)) throw new ApiRefusal(400, cmsApiUi.unknownAction);
  return body.action;
}

/** Checks a request of Decap's proxy backend against the policy; throws ApiRefusal, or lists what it touches. */
export function checkRequest(policy: PathPolicy, body: unknown): CheckedRequest {
  const action = actionOf(body);
  const params = (body as Params).params;
  const checked: CheckedRequest = { action, write: WRITES.has(action), files: [], folders: [] };
  if (action === 'info' && params === undefined) return checked;
  if (!isObject(params)) throw malformed();
  if (params.branch !== policy.branch) throw refuse(cmsApiUi.wrongBranch);

  switch (action) {
    case 'info':
    case 'unpublishedEntries':
      break;
    case 'entriesByFolder': {
      const folder = cleanPath(params.folder);
      const c = [...policy.collections.values()].find((x) => x.folder === folder);
      if (!c) throw refuse();
      // One level: the entries themselves, never the media folders below them.
      if (params.extension !== c.extension || params.depth !== 1) throw refuse();
      checked.folders.push({ path: folder, anchor: folder });
      break;
    }
    case 'entriesByFiles':
      for (const f of list(params.files, 500)) checked.files.push(anyEntry(policy, isObject(f) ? f.path : undefined));
      break;
    case 'getEntry':
      checked.files.push(anyEntry(policy, params.path));
      break;
    case 'unpublishedEntry':
      draftOf(policy, params, true);
      break;
    case 'deleteUnpublishedEntry':
    case 'publishUnpublishedEntry':
    case 'getDeployPreview':
      draftOf(policy, params);
      break;
    case 'updateUnpublishedEntryStatus':
      draftOf(policy, params);
      if (!STATUSES.has(text(params.newStatus))) throw malformed();
      break;
    case 'unpublishedEntryDataFile':
      checked.files.push(entry(policy, draftOf(policy, params), params.path));
      break;
    case 'unpublishedEntryMediaFile':
      draftOf(policy, params);
      checked.files.push(readableMedia(policy, params.path));
      break;
    case 'getMedia': {
      const folder = cleanPath(params.mediaFolder);
      if (!policy.listable.includes(folder)) throw refuse();
      checked.folders.push({ path: folder, anchor: anchorOf(policy, folder) });
      break;
    }
    case 'getMediaFile':
      checked.files.push(readableMedia(policy, params.path));
      break;
    case 'persistEntry':
      checked.files.push(...persistEntry(policy, params));
      break;
    case 'persistMedia':
      checked.files.push(upload(policy, policy.media, params.asset));
      break;
    case 'deleteFile':
      checked.files.push(deletable(policy, params.path));
      break;
    case 'deleteFiles':
      for (const p of list(params.paths, 100)) checked.files.push(deletable(policy, p));
      break;
  }
  return checked;
}
