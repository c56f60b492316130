/**
 * Format and size of a published file, as the law on school sites asks
 * documents to be labelled: «PDF, 48 КБ».
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../lib/content-dir.ts';
import { uploadFile } from '../validate/uploads-dir.ts';

export interface FileInfo {
  /** Upper-case extension: PDF, DOCX, ODT… */
  format: string;
  bytes: number;
  /** «48 КБ», «1,2 МБ». */
  size: string;
}

const sizeFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });

/** «48 КБ», «1,2 МБ». */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes}\u00a0Б`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)}\u00a0КБ`;
  return `${sizeFormat.format(bytes / 1024 / 1024)}\u00a0МБ`;
}

/** Info about a file under `public/`, given its site path (`/uploads/…`). */
export function publicFileInfo(sitePath: string): FileInfo | undefined {
  const abs = sitePath.startsWith('/uploads/') ? uploadFile(sitePath) : path.join(projectRoot(), 'public', sitePath);
  if (!fs.existsSync(abs)) return undefined;
  const bytes = fs.statSync(abs).size;
  return { format: path.extname(abs).slice(1).toUpperCase(), bytes, size: formatBytes(bytes) };
}
