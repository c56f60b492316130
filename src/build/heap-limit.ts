/**
 * The heap limit of the pages' process of `npm run build`
 * (src/integrations/build-process.ts).
 *
 * V8 sizes its heap from the machine's memory, not from what the program
 * needs. On a machine with plenty of memory it lets garbage pile up: at
 * district scale (7,560 entries) the heap of Astro's process grew to 1.4 GB
 * although what it held after a full collection stayed under 0.4 GB, and
 * the process peaked at 1.6–2.1 GB from one run to the next. A school's build server
 * often has 2 GB. So the pages' process gets a limit that follows the
 * content: a base for the code and Astro, plus a share per entry, about
 * twice what an entry was measured to hold. The build then takes the same
 * memory on a large machine as on a small one.
 *
 * A limit set by whoever runs the build (`--max-old-space-size` in
 * NODE_OPTIONS or the Node arguments) is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Megabytes for Astro, Vite and the site's code, whatever the content. */
const BASE_MB = 384;
/** Megabytes per entry (front matter, body, review, the page's data). */
const PER_ENTRY_MB = 0.04;

/** Files that are entries: Markdown and YAML under the content root. */
const ENTRY_FILE = /\.(md|mdx|ya?ml)$/i;

/** How many entry files a content root holds (none under a hidden folder such as `.git/`). */
export function countEntries(contentRoot: string): number {
  if (!fs.existsSync(contentRoot)) return 0;
  const hidden = (d: fs.Dirent) =>
    path
      .relative(contentRoot, d.parentPath)
      .split(path.sep)
      .some((part) => part.startsWith('.'));
  return fs
    .readdirSync(contentRoot, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && ENTRY_FILE.test(d.name) && !hidden(d)).length;
}

/** The old-space limit, in megabytes, for the pages of a content root with `entries` entries. */
export function pagesHeapLimitMb(entries: number): number {
  return Math.ceil(BASE_MB + PER_ENTRY_MB * Math.max(0, entries));
}

const SET_BY_CALLER = /--max[-_]old[-_]space[-_]size/;

/** The pages' heap limit in megabytes, or undefined when the caller has set one. */
export function pagesHeapLimit(
  contentRoot: string,
  caller: { nodeOptions?: string | undefined; execArgv?: readonly string[] } = {
    nodeOptions: process.env.NODE_OPTIONS,
    execArgv: process.execArgv,
  },
): number | undefined {
  if (SET_BY_CALLER.test(caller.nodeOptions ?? '') || (caller.execArgv ?? []).some((a) => SET_BY_CALLER.test(a))) return undefined;
  return pagesHeapLimitMb(countEntries(contentRoot));
}
