/**
 * What `npm run privacy:purge` does, apart from reading its arguments: plan
 * the destruction (src/privacy/purge.ts), show every step of it — the same
 * list in a dry run and a real one — then apply it, write the act (.docx)
 * and say what is left to do by hand: clean the Git history, delete the
 * original answers in the form service and the downloaded exports, make the
 * deleted reports again.
 */
import { planPrivateErasure } from './private-outputs.ts';
import path from 'node:path';
import { contentDir, displayPath } from '../lib/content-dir.ts';
import { pack } from '../lib/docx/blocks.ts';
import { readSiteSettings } from '../validate/site-settings.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { privateDir } from '../io/private-dir.ts';
import { reviewContent } from '../privacy/gate.ts';
import { toolsUi } from '../i18n/ru.ts';
import { applyPurge, historyCommands, planPurge, PurgeError, purgedFiles } from '../privacy/purge.ts';
import { registryOf } from '../privacy/registry.ts';
import { deletionAct } from './docx/deletion-act.ts';
import { deleteEntry } from './journal.ts';

export { PurgeError };

export interface PurgeOptions {
  id: string;
  today: string;
  dryRun: boolean;
  force: boolean;
  /** Where the act and the list of name forms go: `purge/` inside it. */
  out?: string | undefined;
}

const ui = toolsUi.purge;

/** Runs the purge; prints with `out`. Throws PurgeError when it must not run. */
export async function runPurge(o: PurgeOptions, out: (line: string) => void): Promise<void> {
  const root = contentDir();
  const registry = registryOf(reviewContent(root, o.today));
  const plan = await planPurge(root, registry, o.id, o.today, planPrivateErasure, o.force);
  out(ui.heading(plan.id, plan.tombstone.withdrawn, plan.tombstone.purged));
  out(`- запись реестра → отметка об уничтожении: ${displayPath(plan.registryFile)}`);
  for (const e of plan.edits) out(`- упоминаний заменено: ${e.mentions} в ${displayPath(e.file)}`);
  for (const f of plan.deletions) out(`- удаляется файл: ${displayPath(f)}`);
  for (const r of [...plan.registryRewrites, ...plan.private.rewrites]) out(`- удаляется запись участника: ${displayPath(r.file)}`);
  for (const d of plan.private.deletions)
    out(`- удаляется закрытый файл: ${displayPath(d.file)}${d.regenerate ? ` (сформируйте заново: ${d.regenerate})` : ''}`);
  if (plan.private.journal.length) out(ui.journal(plan.private.journal.length));
  if (o.dryRun) {
    out(ui.dryRun);
    return;
  }
  const dir = path.join(o.out ?? privateDir(), 'purge');
  const replacements = path.resolve(dir, `${plan.id}-replace-text.txt`);
  writeFileAtomic(replacements, `${plan.replacements.join('\n')}\n`);
  applyPurge(plan, (name) => deleteEntry({ name }));
  const site = readSiteSettings(root);
  const act = path.resolve(dir, `${plan.id}-akt-${o.today}.docx`);
  writeFileAtomic(
    act,
    await pack(
      deletionAct({
        operator: { name: site?.schoolName ?? '____________________', address: site?.address ?? '____________________' },
        city: site?.documents.city,
        officer: site?.documents.privacyOfficer,
        subject: { id: plan.id, consent: plan.consent },
        categories: plan.categories,
        system: ui.system(site?.siteUrl ?? ''),
        method: ui.method,
        reason: plan.reason === 'withdrawal' ? ui.reasonWithdrawal : ui.reasonRequest,
        date: o.today,
        files: purgedFiles(plan),
      }),
    ),
  );
  out(ui.act(displayPath(act)));
  out(ui.history);
  for (const line of historyCommands(plan, replacements)) out(line);
  out(ui.formService(plan.private.sources));
  const regenerate = [...new Set(plan.private.deletions.map((d) => d.regenerate).filter((c): c is string => Boolean(c)))];
  if (regenerate.length) out(ui.regenerate(regenerate));
}
