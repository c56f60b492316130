/**
 * Where the content lives. Every command (build, validate, scripts, tests)
 * reads `CONTENT_DIR`, so one project can build several content roots.
 */
import path from 'node:path';

/** Absolute path of the content root: `$CONTENT_DIR`, or `content/` in the working directory. */
export function contentDir(): string {
  return path.resolve(process.env.CONTENT_DIR ?? 'content');
}

/** The project root: the working directory of every npm script. */
export function projectRoot(): string {
  return process.cwd();
}

/** Path of a file relative to the project root, with forward slashes, for messages. */
export function displayPath(file: string): string {
  return path.relative(projectRoot(), file).split(path.sep).join('/');
}
