/**
 * Consents to dissemination name the addresses they allow. A build for
 * another address (`SITE_URL`, a preview or a mirror) must decide by that
 * address, not by the one in settings: a name allowed on the school's site
 * is withheld from a page published anywhere else.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reviewContent } from '../../src/privacy/gate.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';

let content: TempContent;
const saved = process.env.SITE_URL;

beforeAll(() => {
  content = tempContent();
  content.write(
    'news/2026-02-20-otkrytyy-urok.md',
    '---\ntitle: Открытый урок\ndate: 2026-02-20\nsummary: Урок для молодых учителей.\nstage: 5\n---\nОткрытый урок провела Анна Сергеевна Примерова.\n',
  );
});
afterEach(() => {
  if (saved === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = saved;
});
afterAll(() => content.cleanup());

const withheld = () => reviewContent(content.dir, '2026-03-01').withheld.get('news')?.has('2026-02-20-otkrytyy-urok') === true;

describe('consents and the address the site is built for', () => {
  it('publish a name on the address the consent names', () => {
    delete process.env.SITE_URL;
    expect(withheld()).toBe(false);
    process.env.SITE_URL = 'https://nastavnik.school1.example/';
    expect(withheld()).toBe(false);
  });

  it('withhold it from a build for another address', () => {
    process.env.SITE_URL = 'https://preview.elsewhere.example/';
    expect(withheld()).toBe(true);
  });
});
