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
 *
 * Most images of a rebuild (link-preview cards, unchanged photos) are the
 * same bytes as last time: the hashes of images found or made clean are
 * kept (`image-metadata/` of the build caches), and such an image is not
 * read again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sharp from 'sharp';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { cacheDir, contentRootKey } from '../io/cache-dir.ts';
import { contentDir } from '../lib/content-dir.ts';

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tif', '.tiff']);

export interface StripReport {
  checked: number;
  /** Images read now, and images whose bytes were known clean. */
  read: number;
  reused: number;
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

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64url');

function readKnown(cacheFile: string | undefined): Set<string> {
  if (!cacheFile) return new Set();
  try {
    return new Set(JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as string[]);
  } catch {
    return new Set();
  }
}

/**
 * Rewrites every image under `dir` that has metadata; returns what it did.
 * With a `cacheFile`, images whose bytes it lists are known clean and not
 * read; it is rewritten to list exactly this run's clean images.
 */
export async function stripImageMetadata(dir: string, cacheFile?: string): Promise<StripReport> {
  const files = imagesUnder(dir);
  const known = readKnown(cacheFile);
  const clean = new Set<string>();
  const report: StripReport = { checked: files.length, read: 0, reused: 0, stripped: [] };
  for (const file of files) {
    // Read as a buffer: libvips caches images by file name, and these files are rewritten in place.
    const input = fs.readFileSync(file);
    const hash = sha256(input);
    if (known.has(hash)) {
      clean.add(hash);
      report.reused++;
      continue;
    }
    report.read++;
    if (!(await hasMetadata(input))) {
      clean.add(hash);
      continue;
    }
    const output = await cleanCopy(input);
    // Replaced, never written through: the file may be a link to a cache entry (src/io/link-or-copy.ts).
    writeFileAtomic(file, output);
    clean.add(sha256(output));
    report.stripped.push(path.relative(dir, file).split(path.sep).join('/'));
  }
  if (cacheFile) {
    try {
      writeFileAtomic(cacheFile, JSON.stringify([...clean]));
    } catch {
      // Without the cache the next build reads every image again; nothing is lost.
    }
  }
  return report;
}

/** One list per content root: building a fixture never evicts the school's images. */
function cacheFileOf(contentRoot: string): string {
  return path.join(cacheDir('image-metadata'), `${contentRootKey(contentRoot)}.json`);
}

export function stripMetadata(): AstroIntegration {
  return {
    name: 'nastavnik:strip-metadata',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const report = await stripImageMetadata(fileURLToPath(dir), cacheFileOf(contentDir()));
        const ms = Math.round(performance.now() - started);
        logger.info(
          `изображений проверено: ${report.checked} (прочитано ${report.read}, без изменений с прошлой сборки ${report.reused}), очищено от метаданных (EXIF, GPS): ${report.stripped.length} (${ms} мс)`,
        );
      },
    },
  };
}
