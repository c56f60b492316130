/**
 * Renders an office document the way a secretary prints it: LibreOffice
 * (Debian's libreoffice-writer, with the Liberation fonts that stand in for
 * Times New Roman at the same metrics) converts it to PDF, and poppler's
 * pdftotext reads the PDF back, line by line as laid out. A test then sees
 * line breaks, wrapped signatures and split words that the XML cannot show.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDebianPackage } from './debian.ts';

export function ensureLibreOffice(): void {
  ensureDebianPackage('/usr/bin/soffice', 'libreoffice-writer');
  ensureDebianPackage('/usr/bin/pdftotext', 'poppler-utils');
  ensureDebianPackage('/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf', 'fonts-liberation');
}

/** The text of a .docx as rendered to PDF: `layout` keeps the page's line breaks and columns. */
export function renderedText(docx: Uint8Array): { layout: string; pages: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-render-'));
  try {
    const input = path.join(dir, 'document.docx');
    fs.writeFileSync(input, docx);
    execFileSync(
      '/usr/bin/soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      { timeout: 180_000, stdio: 'pipe' },
    );
    const pdf = path.join(dir, 'document.pdf');
    const layout = execFileSync('/usr/bin/pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { timeout: 60_000 }).toString('utf8');
    return { layout, pages: layout.split('\f').filter((p) => p.trim()).length };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
