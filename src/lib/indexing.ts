/**
 * What search engines are invited to read: the sitemap's filter and
 * robots.txt. The CMS and the editors' coverage page are working tools, not
 * pages for readers; they stay out of the sitemap (and the CMS out of
 * crawlers' reach altogether).
 */

/** Paths (and everything under them) that the sitemap leaves out. */
export const NOT_IN_SITEMAP = ['/admin/', '/coverage/'] as const;

/** Paths crawlers are asked not to visit. The coverage page is not here: it says `noindex` itself. */
export const DISALLOWED = ['/admin/'] as const;

/** The sitemap filter: true for pages that belong in the sitemap. */
export function inSitemap(pageUrl: string): boolean {
  const { pathname } = new URL(pageUrl);
  return !NOT_IN_SITEMAP.some((p) => pathname === p || pathname.startsWith(p));
}

/** robots.txt of a site: everything allowed but the CMS, and where the sitemap is. */
export function robotsTxt(siteUrl: string): string {
  const lines = ['User-agent: *', ...DISALLOWED.map((p) => `Disallow: ${p}`), '', `Sitemap: ${new URL('sitemap-index.xml', siteUrl).href}`];
  return `${lines.join('\n')}\n`;
}
