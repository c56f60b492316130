/**
 * Building blocks of the CMS previews: they draw an entry with the site's
 * own classes (src/styles/global.css is the preview's style sheet) and the
 * site's own formatting — Russian typography, ru-RU dates — so an editor
 * sees what a reader will see. The Markdown body is Decap's rendering of it,
 * typographed in place.
 */
import { createElement, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import { formatDate, formatDateTime, formatPeriod } from '../../src/lib/dates.ts';
import { typo, typoPiece } from '../../src/lib/typography.ts';

export const h = createElement;
export { formatDate, formatDateTime, formatPeriod, typo };

export type PreviewProps = PreviewTemplateComponentProps;

/** The entry's data as plain JavaScript. */
export function dataOf(props: PreviewProps): Record<string, unknown> {
  const data = props.entry.get('data') as { toJS?: () => unknown } | undefined;
  const plain = data?.toJS?.();
  return plain && typeof plain === 'object' ? (plain as Record<string, unknown>) : {};
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const label = (labels: Readonly<Record<string, string>>, v: unknown): string => labels[str(v)] ?? str(v);

/** Typographed text, or nothing when empty. */
export const t = (v: unknown): string => (str(v) ? typo(str(v)) : '');

/** Walks the text nodes under `root` and applies the site's typography to each, keeping the spaces between a node and its neighbours. */
export function typographText(root: Node): void {
  const walker = root.ownerDocument!.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('code, pre')) continue;
    const before = node.nodeValue ?? '';
    const after = typoPiece(before);
    if (after !== before) node.nodeValue = after;
  }
}

/** The Markdown body as the site shows it: inside `.prose`, with Russian typography. */
export function Body({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (ref.current) typographText(ref.current);
  });
  return h('div', { className: 'prose', ref }, children);
}

/** A date as the site prints it, in a `<time>`. */
export function Time({ value }: { value: unknown }) {
  const iso = str(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  return h('time', { dateTime: iso }, iso.length > 10 ? formatDateTime(iso) : formatDate(iso));
}

/** The page frame: the site's container and an article. */
export function Page({ children }: { children: ReactNode }) {
  return h('main', { className: 'container', id: 'content' }, h('article', null, children));
}

/** An image of the entry (a cover), resolved by the CMS, with its alternative text. */
export function Cover({ props, value }: { props: PreviewProps; value: unknown }) {
  const cover = value as { src?: string; alt?: string } | undefined;
  if (!cover?.src) return null;
  const asset = props.getAsset(cover.src);
  return h('img', { src: asset?.url ?? String(asset), alt: cover.alt ?? '', style: { maxWidth: '100%', height: 'auto' } });
}
