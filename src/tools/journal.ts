/**
 * The undo journal of the methodologist's tools.
 *
 * Every command that changes the registry, the programmes or the tools'
 * state (`import:survey --write`, `match --accept`, `match --reject`,
 * `monitoring`) applies its files through `applyChanges`, which first writes
 * a journal entry to the private folder: which files it touches, their bytes
 * before and a hash of the bytes after. `npm run undo` takes the newest entry,
 * checks that nobody changed those files since (else it refuses and names
 * them), puts the old bytes back and deletes the entry.
 *
 * The entries hold previous versions of registry files, so they are personal
 * data: private folder, owner-only files, and the purge deletes every entry
 * that holds a purged person (see src/privacy/private-copies.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { deleteRegistryFile, isRegistryPath, writeRegistryFile } from '../privacy/registry-files.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { privateDir } from '../io/private-dir.ts';

/** One file a command writes (`data`) or deletes (`data: null`). */
export interface FileChange {
  path: string;
  data: string | Uint8Array | null;
}

interface JournalFile {
  path: string;
  /** The bytes before the command, base64; null when the file did not exist. */
  before: string | null;
  /** sha256 of the bytes after the command; null when the command deleted the file. */
  after: string | null;
}

export interface JournalEntry {
  /** File name of the entry in the journal folder. */
  name: string;
  /** The command as typed, e.g. «npm run match -- --accept p-010=p-007». */
  command: string;
  /** What it did, in Russian, for «npm run undo» to repeat. */
  summary: string;
  /** ISO timestamp. */
  at: string;
  files: JournalFile[];
}

/** Nothing to undo (`entry` undefined), or files changed since the entry (`changed`). */
export class UndoError extends Error {
  readonly entry: JournalEntry | undefined;
  readonly changed: string[];
  constructor(entry: JournalEntry | undefined, changed: string[] = []) {
    super(entry ? `changed since: ${changed.join(', ')}` : 'journal is empty');
    this.entry = entry;
    this.changed = changed;
  }
}

/** The journal folder: `journal/` in the private folder. */
export function journalDir(): string {
  return privateDir('journal');
}

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');
const bytesOf = (data: string | Uint8Array) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data));

function readBytes(file: string): Buffer | null {
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}

function put(file: string, data: Uint8Array | null): void {
  if (isRegistryPath(file)) {
    if (data === null) deleteRegistryFile(file);
    else writeRegistryFile(file, data);
  } else if (data === null) fs.rmSync(file, { force: true });
  else writeFileAtomic(file, data);
}

/** A sortable, unique entry name: the time to the millisecond and a counter. */
function entryName(now: Date, dir: string): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n++) {
    const name = `${stamp}-${String(n).padStart(3, '0')}.json`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

/**
 * Journals and applies a set of file changes. Files whose bytes would not
 * change are left out; when nothing changes, nothing is journalled.
 */
export function applyChanges(
  changes: readonly FileChange[],
  what: { command: string; summary: string },
  now = new Date(),
): JournalEntry | undefined {
  const files: JournalFile[] = [];
  const effective: { path: string; data: Buffer | null }[] = [];
  for (const change of changes) {
    const file = path.resolve(change.path);
    const before = readBytes(file);
    const after = change.data === null ? null : bytesOf(change.data);
    if (before === null && after === null) continue;
    if (before !== null && after !== null && before.equals(after)) continue;
    files.push({ path: file, before: before === null ? null : before.toString('base64'), after: after === null ? null : sha256(after) });
    effective.push({ path: file, data: after });
  }
  if (files.length === 0) return undefined;
  const dir = journalDir();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const entry: JournalEntry = { name: entryName(now, dir), command: what.command, summary: what.summary, at: now.toISOString(), files };
  const { name, ...stored } = entry;
  fs.writeFileSync(path.join(dir, name), `${JSON.stringify(stored, null, 1)}\n`, { mode: 0o600 });
  for (const f of effective) put(f.path, f.data);
  return entry;
}

/** Every journal entry, oldest first. */
export function readJournal(): JournalEntry[] {
  const dir = journalDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => ({ name, ...(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Omit<JournalEntry, 'name'>) }));
}

/** Deletes a journal entry (after an undo, or when a purge finds personal data in it). */
export function deleteEntry(entry: Pick<JournalEntry, 'name'>): void {
  fs.rmSync(path.join(journalDir(), entry.name), { force: true });
}

/** The decoded previous bytes of an entry's files, for a purge to search. */
export function previousTexts(entry: JournalEntry): string[] {
  return entry.files.filter((f) => f.before !== null).map((f) => Buffer.from(f.before!, 'base64').toString('utf8'));
}

export interface UndoResult {
  entry: JournalEntry;
  restored: string[];
  deleted: string[];
}

/**
 * Reverts the newest journalled command. Refuses when a file it wrote has
 * changed since (someone edited it, or a later command not journalled, such
 * as a purge, rewrote it): undoing then would destroy that later change.
 */
export function undoLast(): UndoResult {
  const entry = readJournal().at(-1);
  if (!entry) throw new UndoError(undefined);
  const changed = entry.files.filter((f) => {
    const now = readBytes(f.path);
    const current = now === null ? null : sha256(now);
    const before = f.before === null ? null : sha256(Buffer.from(f.before, 'base64'));
    return current !== f.after && current !== before;
  });
  if (changed.length)
    throw new UndoError(
      entry,
      changed.map((f) => f.path),
    );
  const restored: string[] = [];
  const deleted: string[] = [];
  for (const f of entry.files) {
    const before = f.before === null ? null : Buffer.from(f.before, 'base64');
    put(f.path, before);
    (before === null ? deleted : restored).push(f.path);
  }
  deleteEntry(entry);
  return { entry, restored, deleted };
}
