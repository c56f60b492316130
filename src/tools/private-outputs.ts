/**
 * Everything the methodologist's tools write into the private folder, and
 * how to erase one person from it (152-ФЗ ст. 21: the data are destroyed
 * wherever the operator keeps them, not only in the registry).
 *
 * - Reports and drafts (match reports, the privacy report, .docx drafts,
 *   .xlsx exports) that name the person or carry their id are deleted; the
 *   command that makes them again is named, and a new run shows the person
 *   as removed.
 * - The import state and the rejected pairs lose the person's entries.
 * - Journal entries that hold an earlier version of the person's record are
 *   deleted: an undo must never bring destroyed data back.
 * - The secret key, the purge acts and the purge's own list of name forms
 *   (needed to clean the Git history, deleted by the methodologist after
 *   that) are left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { parseDocument } from 'yaml';
import { privateDir } from '../io/private-dir.ts';
import type { PrivateErasure } from '../privacy/purge.ts';
import { buildNameIndex, scanText } from '../privacy/pii-scan.ts';
import type { NamedPerson } from '../privacy/names.ts';
import { STATE_FILE_NAME, stateText, type ImportState } from './survey/merge.ts';
import { previousTexts, readJournal } from './journal.ts';
import { readRejections, rejectionsFile, withRejections } from './matching/rejections.ts';

export type { PrivateErasure } from '../privacy/purge.ts';

/** Files the erasure never touches: the key, the purge's own outputs. */
function untouchable(rel: string): boolean {
  return rel === 'secret.key' || rel.startsWith(`purge${path.sep}`) || rel.startsWith(`journal${path.sep}`);
}

/** The command that makes a private output again. */
function regenerateCommand(rel: string): string | undefined {
  const name = path.basename(rel);
  if (rel.startsWith(`match${path.sep}`)) return 'npm run match';
  if (name.startsWith('privacy-report.')) return 'npm run privacy:report';
  const order = /^prikaz-o-zakreplenii-par-(\d{4}-\d{4})\.docx$/.exec(name);
  if (order) return `npm run draft:order -- --year ${order[1]} --all`;
  const programme = /^programma-(.+)\.docx$/.exec(name);
  if (programme) return `npm run draft:program -- ${programme[1]}`;
  const exported = /^(banks|pairs|monitoring)[-_.]/.exec(name);
  if (rel.startsWith(`exports${path.sep}`) && exported) return `npm run export -- --what ${exported[1]}`;
  return undefined;
}

/** The text of a private file: plain text, or the XML text of a .docx / .xlsx (an Office file is a zip). */
async function textOf(file: string): Promise<string | undefined> {
  const ext = path.extname(file).toLowerCase();
  if (['.md', '.json', '.txt', '.csv', '.yaml', '.yml', '.html'].includes(ext)) return fs.readFileSync(file, 'utf8');
  if (ext !== '.docx' && ext !== '.xlsx') return undefined;
  try {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => f.name.endsWith('.xml'))
        .map((f) => f.async('string')),
    );
    return parts.map((xml) => xml.replace(/<[^>]+>/g, ' ')).join('\n');
  } catch {
    return undefined;
  }
}

/** Does this text carry the person: their name in any form, or their registry id as a word? */
export function carriesPerson(text: string, person: NamedPerson, index = buildNameIndex([person])): boolean {
  const id = new RegExp(`(?<![\\w-])${person.id}(?![\\w-])`);
  return id.test(text) || scanText(text, index).some((f) => f.rule === 'pii-name' && f.personId === person.id);
}

/** Plans the erasure of one person from the private folder; writes nothing. */
export async function planPrivateErasure(person: NamedPerson, registryFile: string): Promise<PrivateErasure> {
  const root = privateDir();
  const index = buildNameIndex([person]);
  const deletions: PrivateErasure['deletions'] = [];
  const rewrites: PrivateErasure['rewrites'] = [];
  let sources: string[] = [];
  const stateFile = privateDir(STATE_FILE_NAME);
  if (fs.existsSync(stateFile)) {
    const state = parseDocument(fs.readFileSync(stateFile, 'utf8')).toJS() as ImportState | null;
    const entry = state?.people?.[person.id];
    if (state && entry) {
      sources = entry.sources ?? [];
      delete state.people[person.id];
      rewrites.push({ file: stateFile, text: stateText({ version: 2, people: state.people }) });
    }
  }
  const rejected = readRejections();
  if (rejected.some((r) => r.mentee === person.id || r.mentor === person.id)) {
    rewrites.push({
      file: rejectionsFile(),
      text: withRejections(
        rejected.filter((r) => r.mentee !== person.id && r.mentor !== person.id),
        [],
      ),
    });
  }
  const handled = new Set([stateFile, rejectionsFile()]);
  const files = fs.existsSync(root)
    ? fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => path.join(d.parentPath, d.name))
        .sort()
    : [];
  for (const file of files) {
    const rel = path.relative(root, file);
    if (handled.has(file) || untouchable(rel)) continue;
    const text = await textOf(file);
    if (text !== undefined && carriesPerson(text, person, index)) {
      const regenerate = regenerateCommand(rel);
      deletions.push({ file, ...(regenerate ? { regenerate } : {}) });
    }
  }
  const journal = readJournal()
    .filter(
      (e) =>
        e.files.some((f) => path.resolve(f.path) === path.resolve(registryFile)) ||
        previousTexts(e).some((t) => scanText(t, index).some((f) => f.rule === 'pii-name' && f.personId === person.id)),
    )
    .map((e) => e.name);
  return { deletions, rewrites, journal, sources };
}
