/**
 * Removes EXIF, XMP, IPTC and text metadata from every image of the built site.
 *
 * A phone photo carries the place it was taken (GPS), the device and often
 * the owner's name: personal data that must not be published. Astro's
 * responsive variants are clean (sharp drops metadata), but Astro also
 * copies the original of every content image into dist/_astro/, and files
 * under public/ are copied as they are. After the build each image is read;
 * one with metadata is rewritten without it (orientation applied first, so
 * it does not turn sideways). The CMS already strips metadata on upload;
 * this catches what arrives by Git.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sharp from 'sharp';

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tif', '.tiff']);

export interface StripReport {
  checked: number;
  stripped: string[];
}

function imagesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((d) => {
    const abs = path.join(d.parentPath, d.name);
    return d.isFile() && IMAGE_EXTENSIONS.has(path.extname(d.name).toLowerCase()) ? [abs] : [];
  });
}

/** True when the image carries metadata that can identify a person or a place. */
export async function hasMetadata(file: string | Buffer): Promise<boolean> {
  const m = await sharp(file).metadata();
  return Boolean(m.exif || m.xmp || m.iptc || (m.comments && m.comments.length > 0) || (m.orientation && m.orientation !== 1));
}

/** The image re-encoded in its own format without metadata. */
async function cleanCopy(input: Buffer): Promise<Buffer> {
  const image = sharp(input, { animated: true }).rotate();
  const { format } = await sharp(input).metadata();
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
    case 'png':
      return image.png({ compressionLevel: 9 }).toBuffer();
    case 'webp':
      return image.webp({ quality: 90 }).toBuffer();
    case 'heif':
      return image.avif({ quality: 70 }).toBuffer();
    case 'gif':
      return image.gif().toBuffer();
    default:
      return image.toBuffer();
  }
}

/** Rewrites every image under `dir` that has metadata; returns what it did. */
export async function stripImageMetadata(dir: string): Promise<StripReport> {
  const files = imagesUnder(dir);
  const stripped: string[] = [];
  for (const file of files) {
    // Read as a buffer: libvips caches images by file name, and these files are rewritten in place.
    const input = fs.readFileSync(file);
    if (!(await hasMetadata(input))) continue;
    fs.writeFileSync(file, await cleanCopy(input));
    stripped.push(path.relative(dir, file).split(path.sep).join('/'));
  }
  return { checked: files.length, stripped };
}

export function stripMetadata(): AstroIntegration {
  return {
    name: 'nastavnik:strip-metadata',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const report = await stripImageMetadata(fileURLToPath(dir));
        const ms = Math.round(performance.now() - started);
        logger.info(`изображений проверено: ${report.checked}, очищено от метаданных (EXIF, GPS): ${report.stripped.length} (${ms} мс)`);
      },
    },
  };
}
