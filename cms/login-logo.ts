/**
 * The picture on the CMS login screen: the school's name and the section's,
 * instead of Decap's own logo. Drawn as an SVG data URL (the admin page's
 * CSP allows `data:` images) from the site settings, so each school's editor
 * sees its own name before signing in.
 */

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An SVG data URL with the school's short name over the editor's title. */
export function loginLogo(school: string, title: string): string {
  const svg = [
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="96" viewBox="0 0 300 96">',
    `<title>${escapeXml(`${school}. ${title}`)}</title>`,
    '<g font-family="PT Sans, Segoe UI, Roboto, Arial, sans-serif" text-anchor="middle" fill="#0b5394">',
    `<text x="150" y="40" font-size="28" font-weight="700">${escapeXml(school)}</text>`,
    `<text x="150" y="76" font-size="17" fill="#1b1f24">${escapeXml(title)}</text>`,
    '</g></svg>',
  ].join('');
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
