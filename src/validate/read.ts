/**
 * Reads content files the way the build does, but reports every syntax
 * problem as a Problem instead of throwing: broken YAML (and YAML alias
 * bombs), unclosed front matter, empty files, text that is not UTF-8, file
 * names that are not stable ASCII slugs.
 *
 * It also names every file under a collection's folder that it does NOT
 * read (an upper-case extension, a subfolder, a hidden file): skipped
 * silently, such a file is an entry the editor believes published, and in
 * the registry a person whose name the privacy scan would not know.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { COLLECTIONS, LEGACY_REGISTRY_FILES, type CollectionName } from '../schema/index.ts';
import { ID_PATTERN } from '../schema/fields.ts';
import { contentDir, displayPath } from '../lib/content-dir.ts';
import type { Problem } from '../lib/problems.ts';
import type { ParseCache, ParsedYaml } from './parse-cache.ts';

export interface ContentFile {
  collection: CollectionName;
  /** Entry id: the file name without its extension. */
  id: string;
  /** Absolute path. */
  path: string;
  /** Path relative to the project root, for messages. */
  file: string;
  data: unknown;
  /** Markdown body, for `md` collections. */
  body: string;
}

export interface ReadResult {
  files: ContentFile[];
  problems: Problem[];
}

const EXTENSIONS = { md: ['.md'], yaml: ['.yaml', '.yml'] } as const;

function problem(file: string, rule: string, message: string): Problem {
  return { file, rule, message, severity: 'error' };
}

/** Aliases (`*name`) a file may use: enough for any real content, far too few for an exponential "billion laughs" expansion. */
const MAX_YAML_ALIASES = 100;

function parseYaml(text: string, file: string, lineOffset: number, cache?: ParseCache): ParsedYaml {
  if (cache) return cache.parse(text, () => parseYaml(text, file, lineOffset));
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const line = text.slice(0, err.pos[0]).split('\n').length + lineOffset;
    const where = line > 0 ? ` (строка ${line})` : '';
    const what = err.code === 'DUPLICATE_KEY' ? 'ключ повторяется' : 'ошибка синтаксиса YAML';
    return { problem: problem(file, 'yaml', `${what}${where}: проверьте отступы, двоеточия и кавычки`) };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch {
    return {
      problem: problem(
        file,
        'yaml',
        'слишком много ссылок YAML (*имя) — так выглядит файл, раздувающий себя при чтении; перепишите значения без ссылок',
      ),
    };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file's text, or a problem when it cannot be read or is not UTF-8 (a Windows-1251 file would be published garbled). */
function readText(absPath: string, file: string): { text?: string; problem?: Problem } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absPath);
  } catch {
    return { problem: problem(file, 'unreadable', 'файл не удалось прочитать: проверьте права доступа') };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return {
      problem: problem(file, 'encoding', 'файл не в кодировке UTF-8 (возможно, Windows-1251): сохраните его в UTF-8 или через CMS'),
    };
  }
}

/** Splits `---\nfront matter\n---\nbody`; reports missing or unclosed front matter. */
export function splitFrontMatter(text: string, file: string): { yaml?: string; body: string; problem?: Problem } {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalised.startsWith('---\n')) {
    return { body: normalised, problem: problem(file, 'front-matter', 'файл должен начинаться с блока параметров между строками «---»') };
  }
  const end = normalised.indexOf('\n---', 3);
  const afterEnd = end === -1 ? -1 : end + 4;
  if (end === -1 || (afterEnd < normalised.length && normalised[afterEnd] !== '\n')) {
    return { body: '', problem: problem(file, 'front-matter', 'блок параметров не закрыт: после параметров нужна строка «---»') };
  }
  return { yaml: normalised.slice(4, end + 1), body: normalised.slice(afterEnd + 1) };
}

/** Parses one file of a collection. */
export function readContentFile(
  collection: CollectionName,
  absPath: string,
  cache?: ParseCache,
): { file?: ContentFile; problem?: Problem } {
  const def = COLLECTIONS[collection];
  const file = displayPath(absPath);
  const id = path.basename(absPath).replace(/\.[^.]+$/, '');
  const read = readText(absPath, file);
  if (read.text === undefined) return { problem: read.problem };
  const text = read.text;
  if (text.trim() === '') return { problem: problem(file, 'empty-file', 'пустой файл: заполните его или удалите') };
  if (!ID_PATTERN.test(id)) {
    return {
      problem: problem(
        file,
        'file-name',
        `имя файла «${id}» должно состоять из строчных латинских букв, цифр и дефисов (например «nachalo-programmy»)`,
      ),
    };
  }
  if (def.format === 'md') {
    const split = splitFrontMatter(text, file);
    if (split.problem || split.yaml === undefined) return { problem: split.problem };
    const parsed = parseYaml(split.yaml, file, 1, cache);
    if (parsed.problem) return { problem: parsed.problem };
    if (parsed.data === null || typeof parsed.data !== 'object') {
      return { problem: problem(file, 'front-matter', 'блок параметров пуст или не является списком «поле: значение»') };
    }
    return { file: { collection, id, path: absPath, file, data: parsed.data, body: split.body } };
  }
  const parsed = parseYaml(text, file, 0, cache);
  if (parsed.problem) return { problem: parsed.problem };
  if (parsed.data === null || typeof parsed.data !== 'object') {
    return { problem: problem(file, 'yaml', 'ожидается список «поле: значение»') };
  }
  return { file: { collection, id, path: absPath, file, data: parsed.data, body: '' } };
}

/** Absolute paths of a collection's files, sorted. */
export function listCollectionFiles(collection: CollectionName, root = contentDir()): string[] {
  const def: { dir: string; format: 'md' | 'yaml'; files?: readonly string[] } = COLLECTIONS[collection];
  const dir = path.join(root, def.dir);
  if (!fs.existsSync(dir)) return [];
  const extensions: readonly string[] = EXTENSIONS[def.format];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.startsWith('.') && extensions.includes(path.extname(d.name)))
    .filter((d) => def.files === undefined || def.files.includes(d.name))
    .map((d) => path.join(dir, d.name))
    .sort();
}

/** Reads every file of the given collections; `cache` remembers their YAML (parse-cache.ts). */
export function readCollections(collections: readonly CollectionName[], root = contentDir(), cache?: ParseCache): ReadResult {
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  for (const collection of collections) {
    for (const abs of listCollectionFiles(collection, root)) {
      const r = readContentFile(collection, abs, cache);
      if (r.file) files.push(r.file);
      if (r.problem) problems.push(r.problem);
    }
  }
  return { files, problems };
}

/** Files every folder may hold without being content. */
const IGNORED_NAMES = new Set(['.gitkeep', '.DS_Store']);
/** Where the CMS puts a collection's own images (`media_folder: media`), next to the entries. */
const MEDIA_DIR = 'media';
const MEDIA_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif']);

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() || d.isSymbolicLink())
    .map((d) => path.join(d.parentPath, d.name));
}

/**
 * Every file under a collection's folder that `readCollections` does not
 * read. In the private registry each one is an error: the validator cannot
 * vouch for a person it has not read, so publication stops until the file is
 * renamed or removed. Elsewhere a file that looks like an entry (its
 * extension in another case, in a subfolder, hidden) is an error too, and
 * any other stray file a warning; images in a collection's `media/` folder
 * are expected.
 */
export function unreadFiles(root = contentDir()): Problem[] {
  const read = new Set<string>();
  const dirs = new Map<string, { extensions: readonly string[]; private: boolean }>();
  const privateRoots = new Set<string>();
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const def: { dir: string; format: 'md' | 'yaml'; visibility: string } = COLLECTIONS[name];
    for (const f of listCollectionFiles(name, root)) read.add(f);
    const isPrivate = def.visibility === 'private';
    if (isPrivate) privateRoots.add(def.dir.split('/')[0]!);
    const known = dirs.get(def.dir);
    dirs.set(def.dir, { extensions: [...(known?.extensions ?? []), ...EXTENSIONS[def.format]], private: isPrivate });
  }
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const consider = (abs: string, within: string, extensions: readonly string[], isPrivate: boolean) => {
    if (read.has(abs) || seen.has(abs)) return;
    seen.add(abs);
    const name = path.basename(abs);
    const rel = path.relative(within, abs).split(path.sep);
    if (IGNORED_NAMES.has(name)) return;
    const inMedia = rel.length === 2 && rel[0] === MEDIA_DIR && MEDIA_EXTENSIONS.has(path.extname(name).toLowerCase());
    if (inMedia) return;
    const file = displayPath(abs);
    const legacy = LEGACY_REGISTRY_FILES[path.relative(root, abs).split(path.sep).join('/')];
    if (isPrivate && legacy) {
      problems.push(problem(file, 'registry-file', legacy));
      return;
    }
    if (isPrivate) {
      problems.push(
        problem(
          file,
          'registry-file',
          'файл в папке реестра не прочитан как запись реестра (ожидается people/<id>.yaml или answers/<id>.yaml, расширение строчными буквами): пока он здесь, сайт не собирается — переименуйте, перенесите или удалите его',
        ),
      );
      return;
    }
    if (extensions.includes(path.extname(name).toLowerCase())) {
      problems.push(
        problem(
          file,
          'unread-file',
          'файл не будет опубликован: запись должна лежать прямо в папке раздела, без точки в начале имени, с расширением строчными буквами',
        ),
      );
    } else {
      problems.push({ ...problem(file, 'unread-file', 'посторонний файл в папке раздела: на сайт не попадёт'), severity: 'warning' });
    }
  };
  for (const privateRoot of privateRoots) {
    for (const abs of filesUnder(path.join(root, privateRoot))) {
      const owner = [...dirs].find(([dir, d]) => d.private && abs.startsWith(path.join(root, dir) + path.sep));
      consider(abs, owner ? path.join(root, owner[0]) : path.join(root, privateRoot), [], true);
    }
  }
  for (const [dir, d] of dirs) {
    if (d.private) continue;
    for (const abs of filesUnder(path.join(root, dir))) consider(abs, path.join(root, dir), d.extensions, false);
  }
  return problems;
}
