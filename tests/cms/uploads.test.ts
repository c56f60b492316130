/**
 * Upload limits: documents up to 15 MB (Приказ Рособрнадзора № 831), images
 * up to 10 MB, and only types the site publishes; refused in Russian.
 */
import { describe, expect, it } from 'vitest';
import { refusal } from '../../cms/uploads.ts';

describe('upload limits', () => {
  it('accepts files within the limit', () => {
    expect(refusal({ name: 'foto.jpg', size: 9_900_000 })).toBeUndefined();
    expect(refusal({ name: 'prikaz.pdf', size: 14_900_000 })).toBeUndefined();
  });

  it('refuses an image over 10 MB and a document over 15 MB, naming the file and the limits', () => {
    expect(refusal({ name: 'IMG_0001.JPG', size: 12_400_000 })).toBe(
      'Файл «IMG_0001.JPG» слишком большой (12,4 МБ). Фотографии загружаются до 10 МБ, документы — до 15 МБ. Уменьшите файл и загрузите снова.',
    );
    expect(refusal({ name: 'скан.pdf', size: 15_000_001 })).toMatch(/^Файл «скан\.pdf» слишком большой \(15,0 МБ\)/);
  });

  it('refuses files a browser would run from the site, and files without an extension', () => {
    for (const name of ['stranica.html', 'logo.svg', 'skript.js', 'modul.mjs', 'bez-rasshireniya']) {
      expect(refusal({ name, size: 10 }), name).toMatch(
        new RegExp(`^Файл «${name}» такого типа загрузить нельзя\\. Можно: jpg, jpeg, png`),
      );
    }
    expect(refusal({ name: 'plan.DOCX', size: 10 })).toBeUndefined();
  });
});
