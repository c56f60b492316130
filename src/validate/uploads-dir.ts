/**
 * Where uploaded files live. The CMS writes them to `public/uploads/`, and a
 * file field holds the site path (`/uploads/documents/prikaz.pdf`).
 * `UPLOADS_DIR` points every command at another folder (another school's
 * files, a test fixture); the build then publishes that folder's reviewed
 * files as dist/uploads/ instead of public/uploads/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../lib/content-dir.ts';

/** Absolute path of the uploads folder: `$UPLOADS_DIR`, or `public/uploads/` of the project. */
export function uploadsDir(): string {
  return path.resolve(process.env.UPLOADS_DIR ?? path.join(projectRoot(), 'public', 'uploads'));
}

/** The file behind a site path `/uploads/…`. */
export function uploadFile(sitePath: string, dir = uploadsDir()): string {
  return path.join(dir, sitePath.replace(/^\/uploads\//, ''));
}

/** The site path `/uploads/…` of a file in the uploads folder. */
export function uploadSitePath(file: string, dir = uploadsDir()): string {
  return `/uploads/${path.relative(dir, file).split(path.sep).join('/')}`;
}

/**
 * Every file in the uploads folder, sorted. Walked as Vite copies `public/`
 * (following symbolic links), so every file that reaches the site is listed.
 */
export function listUploads(dir = uploadsDir()): string[] {
  if (!fs.existsSync(dir)) return [];
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of fs.readdirSync(folder)) {
      const abs = path.join(folder, name);
      if (fs.statSync(abs).isDirectory()) walk(abs);
      else files.push(abs);
    }
  };
  walk(dir);
  return files.sort();
}
