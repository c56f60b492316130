/**
 * Where on the site personal data can appear. The consent policy allows
 * naming a person at a place when their dissemination consent covers the
 * address the place publishes at; each collection says which place its
 * pages are (src/schema/index.ts), the rest are the site's shared places.
 */

/** Places of the site that belong to no single collection, with the path each publishes at. */
export const SHARED_PLACES = {
  home: '/',
  photo: '/_astro/',
  'json-ld': '/',
  feed: '/',
  'og-image': '/og/',
  'search-index': '/pagefind/',
  upload: '/uploads/',
} as const;

/** The places of the collections' own pages. */
export type CollectionPlace = 'program' | 'practice-author' | 'news' | 'event' | 'roadmap' | 'document' | 'material' | 'monitoring';

export type Place = keyof typeof SHARED_PLACES | CollectionPlace;
