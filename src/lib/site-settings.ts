/**
 * Reads the site settings file outside Astro's collections, for the places
 * that need them before any collection exists: the config's `site` URL,
 * the scripts, the privacy policy's site address.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { siteSchema, type SiteSettings } from '../schema/settings.ts';
import { contentDir } from './content-dir.ts';

/** The validated settings, or undefined when the file is missing or invalid (validation reports why). */
export function readSiteSettings(root = contentDir()): SiteSettings | undefined {
  const file = path.join(root, 'settings', 'site.yaml');
  if (!fs.existsSync(file)) return undefined;
  try {
    const result = siteSchema().safeParse(parse(fs.readFileSync(file, 'utf8')));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
