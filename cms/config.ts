/**
 * The Decap CMS configuration, generated from the content model.
 *
 * Every collection of `COLLECTIONS` (src/schema/index.ts) becomes a Decap
 * collection with the fields of its zod schema (cms/fields.ts); the two
 * settings files form one "files" collection; the people registry is listed
 * last, labelled as personal data. Folder paths follow `CONTENT_DIR`, relative
 * to the project root, because the local API writes under it. The result is
 * plain JSON: the admin page embeds it, the browser bundle (which does not
 * depend on content or environment) reads it, and the local API takes its
 * folders as the only paths it lets the CMS touch (cms/server/path-policy.ts).
 */
import { plainContext } from '../src/schema/context.ts';
import { COLLECTIONS, type CollectionDef, type CollectionName } from '../src/schema/index.ts';
import { cmsUi } from '../src/i18n/ru.ts';
import type { BackendChoice } from './backend.ts';
import { cmsFields, type CmsField } from './fields.ts';

/** The data key the save hook fills with the transliterated file name; never written to the file. */
export const FILE_NAME_KEY = '__fileName';

export interface CmsConfigOptions {
  /** Content root relative to the project root, forward slashes (e.g. `content`). */
  contentDir: string;
  backend: BackendChoice;
  /** The dev server's local API (`/admin/api/<key>`): when given, the CMS saves through it, whatever Git host is set. */
  localApi?: string;
  /** Public address of the site, for «Посмотреть на сайте» links. */
  siteUrl?: string;
  /** The picture of the login screen (cms/login-logo.ts): the school's name instead of Decap's logo. */
  logo?: string;
}

export interface CmsCollection {
  name: string;
  label: string;
  label_singular?: string;
  description?: string;
  folder?: string;
  files?: { name: string; label: string; file: string; fields: CmsField[] }[];
  fields?: CmsField[];
  [option: string]: unknown;
}

export interface CmsConfig {
  backend: Record<string, unknown>;
  collections: CmsCollection[];
  [option: string]: unknown;
}

const MARKDOWN_BUTTONS = ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'quote', 'bulleted-list', 'numbered-list'] as const;

/** The Markdown body; its hint points to the «Обложка» field only where the collection has one. */
function bodyField(def: CollectionDef, hasCover: boolean): CmsField {
  return {
    name: 'body',
    label: def.bodyLabel ?? cmsUi.body,
    widget: 'markdown',
    required: false,
    hint: hasCover ? `${cmsUi.bodyHint} ${cmsUi.bodyHintCover}` : cmsUi.bodyHint,
    buttons: [...MARKDOWN_BUTTONS],
    editor_components: [],
    modes: ['rich_text', 'raw'],
    sanitize_preview: true,
  };
}

/** The transient field the save hook fills; Decap needs it declared to use it in `slug`. */
const fileNameField: CmsField = { name: FILE_NAME_KEY, label: cmsUi.fileName, widget: 'hidden', required: false };

const join = (...parts: string[]) => parts.filter(Boolean).join('/').replace(/\/+/g, '/');

function folderCollection(name: CollectionName, def: CollectionDef, contentDir: string): CmsCollection {
  const fields = cmsFields(def.schema(plainContext), { collection: name });
  const md = def.format === 'md';
  const page = def.route;
  return {
    name,
    label: def.label,
    label_singular: def.labelSingular,
    ...(def.visibility === 'private' ? { description: cmsUi.privateCollection } : {}),
    folder: join(contentDir, def.dir),
    format: `nastavnik-${name}`,
    extension: md ? 'md' : 'yaml',
    create: true,
    delete: true,
    slug: `{{fields.${FILE_NAME_KEY}}}`,
    ...(name === 'people' ? { identifier_field: 'id' } : {}),
    media_folder: 'media',
    public_folder: './media',
    ...(page ? { preview_path: `${page}/{{slug}}/` } : {}),
    editor: { preview: def.visibility === 'public' },
    ...(def.list ? { summary: def.list.summary, sortable_fields: sortableFields(def) } : {}),
    fields: [
      ...fields,
      ...(md
        ? [
            bodyField(
              def,
              fields.some((f) => f.name === 'cover'),
            ),
          ]
        : []),
      fileNameField,
    ],
  };
}

/** The list's sort fields; the first is the default, in the collection's reading order (newest first where entries have dates). */
function sortableFields(def: CollectionDef): (string | { field: string; default_sort: 'asc' | 'desc' })[] {
  const [first, ...rest] = def.list!.sortableFields;
  if (!first) return [];
  return [{ field: first, default_sort: def.order?.direction ?? 'asc' }, ...rest];
}

function settingsCollection(contentDir: string): CmsCollection {
  const file = (name: 'site' | 'vocabularies') => {
    const def: CollectionDef = COLLECTIONS[name];
    return {
      name,
      label: def.label,
      file: join(contentDir, def.dir, def.files![0]!),
      fields: cmsFields(def.schema(plainContext), { collection: 'settings' }),
    };
  };
  return {
    name: 'settings',
    label: cmsUi.settings,
    description: cmsUi.settingsDescription,
    format: 'nastavnik-settings',
    editor: { preview: false },
    files: [file('site'), file('vocabularies')],
  };
}

/** The whole Decap config for one content root and one backend choice. */
export function cmsConfig(options: CmsConfigOptions): CmsConfig {
  const contentDir = options.contentDir.replace(/^\.\/|\/$/g, '') || '.';
  const collections: CmsCollection[] = [];
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const def: CollectionDef = COLLECTIONS[name];
    if (def.files) continue;
    collections.push(folderCollection(name, def, contentDir));
  }
  const people = collections.findIndex((c) => c.name === 'people');
  collections.splice(people, 0, settingsCollection(contentDir));

  const { backend } = options;
  return {
    load_config_file: false,
    backend: options.localApi ? { name: 'proxy', proxy_url: options.localApi, branch: backend.backend.branch ?? 'main' } : backend.backend,
    ...(backend.editorialWorkflow ? { publish_mode: 'editorial_workflow' } : {}),
    locale: 'ru',
    ...(options.logo ? { logo: { src: options.logo } } : {}),
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    show_preview_links: Boolean(options.siteUrl),
    media_folder: 'public/uploads',
    public_folder: '/uploads',
    media_processing: { enabled: true, strip_metadata: true, quality: 90 },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections,
  };
}

/** The zod schema of a Decap collection (or settings file) by its CMS name. */
export function schemaOfCms(name: string, data?: unknown) {
  const def: CollectionDef | undefined = (COLLECTIONS as Record<string, CollectionDef>)[name];
  return def?.schema(plainContext, data);
}
