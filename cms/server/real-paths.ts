/**
 * The second look at a request the path policy accepted (cms/server/path-policy.ts):
 * on disk. A path the config declares may still lead elsewhere through a
 * symlink — `content/news/x.md` linking to `astro.config.mjs`, a `media`
 * folder linking to `scripts/` — and decap-server, which only keeps paths
 * inside the project, would write, read or delete through it. So every file a
 * request touches, and every entry of a folder it lists, must resolve inside
 * its declared folder; a dangling symlink counts as leading outside.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { cmsApiUi } from '../../src/i18n/ru.ts';
import { ApiRefusal, type CheckedRequest, type Touch } from './path-policy.ts';

const missing = (e: unknown) => ['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '');

/**
 * Where `abs` is on disk: the real path of its deepest existing part plus the
 * parts that do not exist yet; undefined for a dangling symlink.
 */
export async function resolveOnDisk(abs: string): Promise<string | undefined> {
  const rest: string[] = [];
  let current = abs;
  for (;;) {
    const stat = await fs.lstat(current).catch((e: unknown) => {
      if (missing(e)) return undefined;
      throw e;
    });
    if (stat) {
      const real = await fs.realpath(current).catch(() => undefined);
      return real === undefined ? undefined : path.join(real, ...rest);
    }
    const up = path.dirname(current);
    if (up === current) return abs;
    rest.unshift(path.basename(current));
    current = up;
  }
}

const inside = (file: string, folder: string) => file === folder || file.startsWith(folder + path.sep);

async function staysInside(root: string, touch: Touch): Promise<boolean> {
  const anchor = await resolveOnDisk(path.join(root, touch.anchor));
  const target = await resolveOnDisk(path.join(root, touch.path));
  return anchor !== undefined && target !== undefined && inside(target, anchor);
}

/** The symlinks directly in a listed folder must stay inside its anchor as well. */
async function listingStaysInside(root: string, folder: Touch): Promise<boolean> {
  if (!(await staysInside(root, folder))) return false;
  const entries = await fs.readdir(path.join(root, folder.path), { withFileTypes: true }).catch((e: unknown) => {
    if (missing(e)) return [];
    throw e;
  });
  for (const entry of entries) {
    if (entry.isSymbolicLink() && !(await staysInside(root, { path: `${folder.path}/${entry.name}`, anchor: folder.anchor }))) return false;
  }
  return true;
}

/** Throws ApiRefusal when a path of the request leads out of its declared folder on disk. */
export async function checkRealPaths(root: string, request: CheckedRequest): Promise<void> {
  for (const file of request.files) if (!(await staysInside(root, file))) throw new ApiRefusal(403, cmsApiUi.symlink);
  for (const folder of request.folders) if (!(await listingStaysInside(root, folder))) throw new ApiRefusal(403, cmsApiUi.symlink);
}
