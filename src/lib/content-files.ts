/**
 * Reads content files the way the build does, but reports every syntax
 * problem as a Problem instead of throwing: broken YAML, unclosed front
 * matter, empty files, file names that are not stable ASCII slugs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { COLLECTIONS, type CollectionName } from '../schema/index.ts';
import { ID_PATTERN } from '../schema/fields.ts';
import { contentDir, displayPath } from './content-dir.ts';
import type { Problem } from './problems.ts';

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

function parseYaml(text: string, file: string, lineOffset: number): { data?: unknown; problem?: Problem } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const line = text.slice(0, err.pos[0]).split('\n').length + lineOffset;
    const where = line > 0 ? ` (строка ${line})` : '';
    const what = err.code === 'DUPLICATE_KEY' ? 'ключ повторяется' : 'ошибка синтаксиса YAML';
    return { problem: problem(file, 'yaml', `${what}${where}: проверьте отступы, двоеточия и кавычки`) };
  }
  return { data: doc.toJS() };
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
export function readContentFile(collection: CollectionName, absPath: string): { file?: ContentFile; problem?: Problem } {
  const def = COLLECTIONS[collection];
  const file = displayPath(absPath);
  const id = path.basename(absPath).replace(/\.[^.]+$/, '');
  const text = fs.readFileSync(absPath, 'utf8');
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
    const parsed = parseYaml(split.yaml, file, 1);
    if (parsed.problem) return { problem: parsed.problem };
    if (parsed.data === null || typeof parsed.data !== 'object') {
      return { problem: problem(file, 'front-matter', 'блок параметров пуст или не является списком «поле: значение»') };
    }
    return { file: { collection, id, path: absPath, file, data: parsed.data, body: split.body } };
  }
  const parsed = parseYaml(text, file, 0);
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
    .filter((d) => d.isFile() && extensions.includes(path.extname(d.name)))
    .filter((d) => def.files === undefined || def.files.includes(d.name))
    .map((d) => path.join(dir, d.name))
    .sort();
}

/** Reads every file of the given collections. */
export function readCollections(collections: readonly CollectionName[], root = contentDir()): ReadResult {
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  for (const collection of collections) {
    for (const abs of listCollectionFiles(collection, root)) {
      const r = readContentFile(collection, abs);
      if (r.file) files.push(r.file);
      if (r.problem) problems.push(r.problem);
    }
  }
  return { files, problems };
}
