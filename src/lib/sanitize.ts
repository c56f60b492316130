/**
 * The allowlist of HTML that content may contain once rendered.
 *
 * Content comes from editors through the CMS and from files; a school site
 * must never carry a script, an event handler, a `javascript:` URL or a
 * third-party frame because someone pasted one. Video frames are allowed
 * only from the hosts Russian schools use (VK Видео, Rutube).
 *
 * Images come from the site itself only: an image from another server tells
 * that server who reads the page — in a feed reader too, where no
 * Content-Security-Policy stands in the way — so it is replaced by its
 * description. Pages and feeds share these rules.
 */
import sanitizeHtml from 'sanitize-html';

/** Hosts whose players may be embedded. */
export const VIDEO_HOSTS = ['vk.com', 'vkvideo.ru', 'rutube.ru'] as const;

/** A path on this site (`/uploads/…`), not another server's address (`https://…`, `//host/…`). */
const isSitePath = (src: string | undefined) => src !== undefined && /^\/(?![/\\])/.test(src.trim());

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'strong',
    'b',
    'em',
    'i',
    's',
    'del',
    'ins',
    'sub',
    'sup',
    'mark',
    'small',
    'abbr',
    'code',
    'pre',
    'kbd',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'iframe',
    'section',
    'details',
    'summary',
    'span',
    'input',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'id', 'aria-describedby', 'aria-label', 'data-footnote-ref', 'data-footnote-backref', 'class'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
    iframe: ['src', 'title', 'width', 'height', 'allow', 'allowfullscreen', 'loading'],
    th: ['align', 'scope', 'colspan', 'rowspan'],
    td: ['align', 'colspan', 'rowspan'],
    ol: ['start'],
    li: ['id'],
    abbr: ['title'],
    section: ['data-footnotes', 'class'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    input: ['type', 'checked', 'disabled'],
    code: ['class'],
    sup: ['id'],
  },
  allowedClasses: { code: [/^language-/], a: ['data-footnote-backref'], section: ['footnotes'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  allowedIframeHostnames: [...VIDEO_HOSTS],
  allowIframeRelativeUrls: false,
  exclusiveFilter: (frame) =>
    (frame.tag === 'input' && frame.attribs.type !== 'checkbox') ||
    (frame.tag === 'iframe' && !frame.attribs.src) ||
    (frame.tag === 'span' && Object.keys(frame.attribs).length === 0 && !frame.text.trim()),
  transformTags: {
    iframe: (tagName, attribs) => ({ tagName, attribs: { title: 'Видео', ...attribs, loading: 'lazy' } }),
    img: (tagName, attribs) =>
      isSitePath(attribs.src)
        ? { tagName, attribs: { ...attribs, loading: 'lazy', decoding: 'async' } }
        : { tagName: 'span', attribs: {}, text: attribs.alt ? `[${attribs.alt}]` : '' },
    h1: 'h2',
  },
};

/** Removes everything outside the allowlist; never throws. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
