/** Share links are plain links to the networks' own share pages; the sitemap and robots.txt leave the tools out. */
import { describe, expect, it } from 'vitest';
import { inSitemap, robotsTxt } from '../../src/lib/indexing.ts';
import { shareLinks } from '../../src/lib/share-links.ts';

describe('share links', () => {
  const url = 'https://nastavnik.school.example/news/2025-09-01-start/';
  const title = 'Старт «наставничества» & 2025?';
  const links = shareLinks(url, title);

  it('offers VK, Telegram, OK and e-mail, in that order, with Russian labels', () => {
    expect(links.map((l) => l.target)).toEqual(['vk', 'telegram', 'ok', 'email']);
    expect(links.map((l) => l.label)).toEqual(['ВКонтакте', 'Telegram', 'Одноклассники', 'По почте']);
  });

  it('points at each network’s share page with the address and title encoded', () => {
    const hosts = links.map((l) => (l.href.startsWith('mailto:') ? 'mailto' : new URL(l.href).host));
    expect(hosts).toEqual(['vk.com', 't.me', 'connect.ok.ru', 'mailto']);
    for (const l of links.filter((x) => x.target !== 'email')) {
      const u = new URL(l.href);
      expect(u.protocol).toBe('https:');
      expect(u.searchParams.get('url')).toBe(url);
      expect(u.searchParams.get(l.target === 'telegram' ? 'text' : 'title')).toBe(title);
    }
    const mail = links.find((l) => l.target === 'email')!.href;
    expect(mail).not.toMatch(/[ &]2025/);
    expect(decodeURIComponent(mail.split('subject=')[1]!.split('&')[0]!)).toBe(title);
    expect(decodeURIComponent(mail.split('body=')[1]!)).toBe(url);
  });
});

describe('sitemap and robots.txt', () => {
  it('keeps the CMS and the coverage page out of the sitemap, and nothing else', () => {
    expect(inSitemap('https://s.example/')).toBe(true);
    expect(inSitemap('https://s.example/news/x/')).toBe(true);
    expect(inSitemap('https://s.example/admin/')).toBe(false);
    expect(inSitemap('https://s.example/admin/config/')).toBe(false);
    expect(inSitemap('https://s.example/coverage/')).toBe(false);
    expect(inSitemap('https://s.example/coverage-news/')).toBe(true);
  });

  it('disallows /admin/ and names the sitemap', () => {
    expect(robotsTxt('https://s.example/')).toBe('User-agent: *\nDisallow: /admin/\n\nSitemap: https://s.example/sitemap-index.xml\n');
  });
});
