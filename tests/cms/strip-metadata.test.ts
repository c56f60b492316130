/**
 * Published images carry no EXIF: a JPEG with GPS coordinates and the
 * owner's name (made here with sharp) comes out of the post-build step
 * without them, the right way up, and clean images are left untouched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasMetadata, stripImageMetadata } from '../../src/integrations/strip-metadata.ts';

let dir: string;

const GPS_EXIF = {
  IFD0: { Artist: 'Иванова Мария Петровна', Make: 'Phone' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 59/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '30/1 24/1 0/1' },
};

async function photo(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-strip-'));
  fs.mkdirSync(path.join(dir, '_astro'));
  await (
    await photo(640, 480)
  )
    .jpeg()
    .withExif(GPS_EXIF)
    .toFile(path.join(dir, '_astro', 'seminar.BxY1.jpg'));
  await (
    await photo(400, 200)
  )
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toFile(path.join(dir, '_astro', 'rotated.jpg'));
  await (await photo(300, 200)).webp().withExif(GPS_EXIF).toFile(path.join(dir, 'uploads-photo.webp'));
  await (await photo(120, 80)).webp().toFile(path.join(dir, 'clean.webp'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('stripImageMetadata', () => {
  it('removes GPS and other EXIF from every image of the built site, keeping clean files as they are', async () => {
    const gps = path.join(dir, '_astro', 'seminar.BxY1.jpg');
    expect((await sharp(fs.readFileSync(gps)).metadata()).exif?.toString('latin1')).toContain('Phone');
    expect(await hasMetadata(fs.readFileSync(gps))).toBe(true);
    const clean = fs.readFileSync(path.join(dir, 'clean.webp'));

    const report = await stripImageMetadata(dir);

    expect(report.checked).toBe(4);
    expect(report.stripped.sort()).toEqual(['_astro/rotated.jpg', '_astro/seminar.BxY1.jpg', 'uploads-photo.webp']);
    for (const file of report.stripped) {
      const m = await sharp(fs.readFileSync(path.join(dir, file))).metadata();
      expect(m.exif, file).toBeUndefined();
      expect(m.xmp, file).toBeUndefined();
    }
    expect(await sharp(fs.readFileSync(gps)).metadata()).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    expect(fs.readFileSync(path.join(dir, 'clean.webp')).equals(clean)).toBe(true);
  });

  it('applies the orientation before dropping it, so the photo stays upright', async () => {
    expect(await sharp(fs.readFileSync(path.join(dir, '_astro', 'rotated.jpg'))).metadata()).toMatchObject({ width: 200, height: 400 });
  });
});
