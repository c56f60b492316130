/**
 * Reads the settings files outside Astro's collections, for the places that
 * need them before or beside any collection: the config's `site` URL, the
 * privacy policy (site address, k), the scripts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import { siteSchema, vocabulariesSchema, type SiteSettings, type Vocabularies } from '../schema/settings.ts';
import { contentDir } from '../lib/content-dir.ts';

function readSettingsFile<T>(root: string, name: string, schema: z.ZodType<T>): T | undefined {
  const file = path.join(root, 'settings', name);
  if (!fs.existsSync(file)) return undefined;
  try {
    const result = schema.safeParse(parse(fs.readFileSync(file, 'utf8')));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/** The validated site settings, or undefined when missing or invalid (validation reports why). */
export function readSiteSettings(root = contentDir()): SiteSettings | undefined {
  return readSettingsFile(root, 'site.yaml', siteSchema());
}

/** The validated vocabularies, or undefined when missing or invalid. */
export function readVocabularies(root = contentDir()): Vocabularies | undefined {
  return readSettingsFile(root, 'vocabularies.yaml', vocabulariesSchema());
}
