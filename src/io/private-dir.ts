/**
 * Where the tools put what must never be published: match reports,
 * document drafts, the privacy report, exports. `PRIVATE_DIR` moves it;
 * by default `private/` in the project, which Git and the site ignore.
 */
import path from 'node:path';
import { projectRoot } from '../lib/content-dir.ts';

/** A path inside the private folder. */
export function privateDir(...sub: string[]): string {
  return path.join(path.resolve(process.env.PRIVATE_DIR ?? path.join(projectRoot(), 'private')), ...sub);
}
