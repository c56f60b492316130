/**
 * What `npm run match` does, apart from reading its arguments: propose pairs
 * and write the private report (a new file on every run), accept pairs into
 * draft programmes, or reject proposed pairs so they are not proposed again.
 * Accepting and rejecting go through the undo journal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentDir, displayPath } from '../../lib/content-dir.ts';
import { AcceptError, draftProgramme } from './accept.ts';
import { proposeMatches } from './match-mentors.ts';
import { matchJson, matchMarkdown, matchSummary } from './match-report.ts';
import { writeFilesAtomic as writeAll } from '../../io/atomic-write.ts';
import { privateDir } from '../../io/private-dir.ts';
import { errorsIn, reviewContent } from '../../privacy/gate.ts';
import { toolsUi } from '../../i18n/ru.ts';
import { peopleOf, registryOf } from '../../privacy/registry.ts';
import { COLLECTIONS } from '../../schema/index.ts';
import type { Programme } from '../../schema/programs.ts';
import type { Person } from '../../schema/registry.ts';
import type { Vocabularies } from '../../schema/settings.ts';
import { applyChanges } from '../journal.ts';
import { freshReportBase } from './report-path.ts';
import { readRejections, rejectionsFile, withRejections } from './rejections.ts';

/** The command cannot go on; the message says why, `code` is the exit code (2: a mistyped argument). */
export class MatchRefused extends Error {
  readonly code: number;
  constructor(message: string, code = 1) {
    super(message);
    this.code = code;
  }
}

export interface MatchOptions {
  schoolYear: string;
  today: string;
  accept: readonly string[];
  reject: readonly string[];
  command: string;
}

const ui = toolsUi.match;

/** `A=B` or `A,C=B` → mentees and mentor. */
function parsePair(arg: string, flag: string): { mentees: string[]; mentor: string } {
  const m = /^([a-z0-9-]+(?:,[a-z0-9-]+)*)=([a-z0-9-]+)$/.exec(arg.trim());
  if (!m) throw new MatchRefused(ui.badPair(flag, arg), 2);
  return { mentees: m[1]!.split(','), mentor: m[2]! };
}

/** Runs the command; prints with `out`. */
export function runMatch(o: MatchOptions, out: (line: string) => void): void {
  const root = contentDir();
  const index = reviewContent(root);
  const people = peopleOf(registryOf(index));
  const byId = new Map<string, Person>(people.map((p) => [p.id, p]));
  const programs = [...(index.entries.get('programs')?.values() ?? [])].map((e) => ({ id: e.id, data: e.parsed as unknown as Programme }));
  const vocab = index.entries.get('vocabularies')?.values().next().value?.parsed as unknown as Vocabularies | undefined;
  if (!vocab) throw new MatchRefused(ui.noVocabularies);
  const broken = errorsIn(index, 'people');
  if (broken.length) out(ui.brokenPeople(broken.length));
  const rejections = readRejections();
  const rejected = rejections.filter((r) => r.schoolYear === o.schoolYear);
  const result = proposeMatches({ people, programs, vocab, today: o.today, schoolYear: o.schoolYear, rejected });
  const named = (id: string) => {
    const p = byId.get(id);
    return p ? `${[p.name.last, p.name.first, p.name.middle].filter(Boolean).join(' ')} (${id})` : id;
  };

  if (o.reject.length) {
    const added = o.reject.flatMap((arg) => {
      const { mentees, mentor } = parsePair(arg, '--reject');
      return mentees.map((mentee) => ({ mentee, mentor, schoolYear: o.schoolYear, date: o.today }));
    });
    for (const r of added)
      if (!byId.has(r.mentee) || !byId.has(r.mentor)) throw new MatchRefused(ui.unknownPerson(byId.has(r.mentee) ? r.mentor : r.mentee));
    applyChanges([{ path: rejectionsFile(), data: withRejections(rejections, added) }], {
      command: o.command,
      summary: ui.rejectedSummary(added.map((r) => `${r.mentee}=${r.mentor}`)),
    });
    for (const r of added) out(ui.rejected(named(r.mentee), named(r.mentor), o.schoolYear));
    out(toolsUi.undoHint);
    return;
  }

  if (o.accept.length) {
    const files: { path: string; data: string }[] = [];
    const accepted = [...programs];
    const codes: string[] = [];
    for (const arg of o.accept) {
      const { mentees, mentor } = parsePair(arg, '--accept');
      try {
        const draft = draftProgramme({ mentor, mentees, people: byId, programs: accepted, today: o.today, schoolYear: o.schoolYear });
        const file = path.join(root, COLLECTIONS.programs.dir, `${draft.id}.md`);
        if (fs.existsSync(file)) throw new MatchRefused(ui.exists(displayPath(file)));
        files.push({ path: file, data: draft.text });
        accepted.push({ id: draft.id, data: draft.data as unknown as Programme });
        codes.push(draft.code);
        const proposed = mentees.every((e) => result.proposals.some((p) => p.mentee === e && p.mentor === mentor));
        out(ui.accepted(mentees.map(named).join(', '), named(mentor), draft.code, displayPath(file)));
        if (!proposed) out(ui.notProposed);
      } catch (e) {
        if (e instanceof AcceptError) throw new MatchRefused(e.message);
        throw e;
      }
    }
    applyChanges(files, { command: o.command, summary: ui.acceptedSummary(codes) });
    out(ui.afterAccept);
    out(toolsUi.undoHint);
    return;
  }

  const base = freshReportBase(privateDir('match'), o.schoolYear, o.today);
  writeAll([
    { path: `${base}.md`, data: matchMarkdown(result, byId) },
    { path: `${base}.json`, data: matchJson(result, byId) },
  ]);
  out(matchSummary(result, byId));
  out(ui.reportWritten(displayPath(`${base}.md`), path.basename(`${base}.json`)));
}
