/**
 * The one place that reads and writes the files of the private registry
 * (content/registry/**) as files: the survey import, the purge and the undo
 * journal all go through here, so there is one atomic write (temp file in the
 * same folder + rename: a crash never leaves half a record), one delete, and
 * one answer to "which files are registry files".
 *
 * The parsed, validated records come from ./registry.ts; this module hands
 * out the text as it is on disk (comments and key order included), which is
 * what an edit must preserve.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.ts';
import type { RegistryRecord } from '../schema/registry.ts';
import { LEGACY_REGISTRY_FILES } from '../schema/index.ts';
import { loadRegistry } from './gate.ts';

/** Folders and files of the registry, relative to the content root. */
export const REGISTRY_DIR = 'registry';
export const PEOPLE_DIR = 'registry/people';
export const ANSWERS_DIR = 'registry/answers';
/** Where the survey import kept its fingerprints before they moved to the private folder. */
export const LEGACY_IMPORT_STATE = Object.keys(LEGACY_REGISTRY_FILES)[0]!;

/** A registry file as it is on disk, with its record if it is valid. */
export interface RegistryFile {
  id: string;
  /** Absolute path. */
  path: string;
  text: string;
  record?: RegistryRecord;
}

const YAML_FILE = /\.ya?ml$/;

/** Every person file of a content root (valid or not: every id is taken), sorted by name. */
export function readPeopleFiles(root: string): RegistryFile[] {
  const dir = path.join(root, PEOPLE_DIR);
  if (!fs.existsSync(dir)) return [];
  const registry = loadRegistry(root);
  return fs
    .readdirSync(dir)
    .filter((n) => YAML_FILE.test(n))
    .sort()
    .map((name) => {
      const id = name.replace(YAML_FILE, '');
      const abs = path.join(dir, name);
      const record = registry.get(id);
      return { id, path: abs, text: fs.readFileSync(abs, 'utf8'), ...(record ? { record } : {}) };
    });
}

/** The monitoring answer files of a content root: absolute path and text. */
export function readAnswerFiles(root: string): { path: string; text: string }[] {
  const dir = path.join(root, ANSWERS_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => YAML_FILE.test(n))
    .sort()
    .map((n) => ({ path: path.join(dir, n), text: fs.readFileSync(path.join(dir, n), 'utf8') }));
}

/** The path of a person's file. */
export function personFile(root: string, id: string): string {
  return path.join(root, PEOPLE_DIR, `${id}.yaml`);
}

/** True when `file` lies inside the registry folder of some content root (…/registry/…). */
export function isRegistryPath(file: string): boolean {
  return path.resolve(file).split(path.sep).includes(REGISTRY_DIR);
}

function assertRegistryPath(file: string): void {
  if (!isRegistryPath(file)) throw new Error(`not a registry file: ${file}`);
}

/** The text of a registry file, or undefined when there is none. */
export function readRegistryText(file: string): string | undefined {
  assertRegistryPath(file);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

/** Writes one registry file whole (src/io/atomic-write.ts). */
export function writeRegistryFile(file: string, data: string | Uint8Array): void {
  assertRegistryPath(file);
  writeFileAtomic(file, data);
}

/** Deletes one registry file (nothing happens when it is already gone). */
export function deleteRegistryFile(file: string): void {
  assertRegistryPath(file);
  fs.rmSync(file, { force: true });
}
