/**
 * The image metadata check remembers the bytes it found clean: a rebuild
 * reads only images whose bytes it has not seen clean, and an image changed
 * in place (same name, new EXIF) is read and cleaned again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { stripImageMetadata } from '../../src/integrations/strip-metadata.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-strip-cache-'));
const cacheFile = path.join(`${dir}-cache`, 'clean.json');
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(`${dir}-cache`, { recursive: true, force: true });
});

const image = (colour: string) => sharp({ create: { width: 64, height: 48, channels: 3, background: colour } });
const GPS = { IFD0: { Artist: 'Иванова Мария Петровна' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 59/1 0/1' } };

describe('stripImageMetadata with a cache of clean images', () => {
  it('reads only images whose bytes it has not found clean before', async () => {
    await image('#fff').png().toFile(path.join(dir, 'card.png'));
    await image('#c84').jpeg().withExif(GPS).toFile(path.join(dir, 'photo.jpg'));

    const first = await stripImageMetadata(dir, cacheFile);
    expect(first).toMatchObject({ checked: 2, read: 2, reused: 0, stripped: ['photo.jpg'] });

    const second = await stripImageMetadata(dir, cacheFile);
    expect(second).toMatchObject({ checked: 2, read: 0, reused: 2, stripped: [] });

    await image('#48c').png().withExif(GPS).toFile(path.join(dir, 'card.png'));
    const third = await stripImageMetadata(dir, cacheFile);
    expect(third).toMatchObject({ checked: 2, read: 1, reused: 1, stripped: ['card.png'] });
    expect((await sharp(fs.readFileSync(path.join(dir, 'card.png'))).metadata()).exif).toBeUndefined();
  });
});

describe('stripImageMetadata on an image linked from a cache', () => {
  it('replaces the image and leaves the cache entry it was linked to as it was', async () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-strip-link-'));
    try {
      const cached = path.join(site, '..', `${path.basename(site)}-cached.jpg`);
      await image('#c84').jpeg().withExif(GPS).toFile(cached);
      const before = fs.readFileSync(cached);
      fs.linkSync(cached, path.join(site, 'photo.jpg'));
      const report = await stripImageMetadata(site);
      expect(report.stripped).toEqual(['photo.jpg']);
      expect((await sharp(fs.readFileSync(path.join(site, 'photo.jpg'))).metadata()).exif).toBeUndefined();
      expect(fs.readFileSync(cached).equals(before)).toBe(true);
      fs.rmSync(cached);
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
  });
});
