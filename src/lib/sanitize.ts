/**
 * The allowlist of HTML that content may contain once rendered.
 *
 * Content comes from editors through the CMS and from files; a school site
 * must never carry a script, an event handler, a `javascript:` URL or a
 * third-party frame because someone pasted one. Video frames are allowed
 * only from the hosts Russian schools use (VK Видео, Rutube).
 */
import sanitizeHtml from 'sanitize-html';

/** Hosts whose players may be embedded. */
export const VIDEO_HOSTS = ['vk.com', 'vkvideo.ru', 'rutube.ru'] as const;

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
  allowedSchemesByTag: { img: ['https', 'http'] },
  allowProtocolRelative: false,
  allowedIframeHostnames: [...VIDEO_HOSTS],
  allowIframeRelativeUrls: false,
  exclusiveFilter: (frame) =>
    (frame.tag === 'input' && frame.attribs.type !== 'checkbox') || (frame.tag === 'iframe' && !frame.attribs.src),
  transformTags: {
    iframe: (tagName, attribs) => ({ tagName, attribs: { title: 'Видео', ...attribs, loading: 'lazy' } }),
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy', decoding: 'async' } }),
    h1: 'h2',
  },
};

/** Removes everything outside the allowlist; never throws. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
