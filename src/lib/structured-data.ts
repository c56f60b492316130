/**
 * schema.org structured data (JSON-LD) of the section's pages: the school
 * as an EducationalOrganization, news as NewsArticle, events as Event,
 * practices as LearningResource, and the breadcrumbs of every page.
 *
 * People appear only as the privacy policy allows: practice authors come in
 * already resolved by src/privacy/public.ts (`practiceAuthors`), and nothing
 * else here names anyone. Texts are the typographed ones the page shows, so
 * a headline equals the page's h1.
 */
import { localToRfc3339 } from './local-time.ts';
import type { SiteSettings } from '../schema/settings.ts';

export type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are
 * escaped as JSON unicode escapes, so no text (`</script>`, `<!--`) can end
 * the element early, and the data parses back to exactly the same values.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

type School = Pick<SiteSettings, 'schoolName' | 'schoolShortName' | 'officialSiteUrl' | 'address' | 'phone' | 'email' | 'socials'>;

/** The stable id of the school node, so other nodes refer to it instead of repeating it. */
export function organizationId(site: Pick<SiteSettings, 'officialSiteUrl'>): string {
  return `${new URL(site.officialSiteUrl).href}#organization`;
}

/** A reference to the school from another node (publisher, organiser, author). */
export function organizationRef(site: Pick<SiteSettings, 'officialSiteUrl' | 'schoolName'>): JsonLd {
  return { '@type': 'EducationalOrganization', '@id': organizationId(site), name: site.schoolName };
}

/** «195267, Санкт-Петербург, …» → postal code and the rest. */
function postalAddress(address: string): JsonLd {
  const m = /^\s*(\d{6}),\s*(.+)$/.exec(address);
  return {
    '@type': 'PostalAddress',
    ...(m ? { postalCode: m[1], streetAddress: m[2] } : { streetAddress: address }),
    addressCountry: 'RU',
  };
}

/** The school, from content/settings/site.yaml. */
export function organizationLd(site: School): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'EducationalOrganization',
    '@id': organizationId(site),
    name: site.schoolName,
    alternateName: site.schoolShortName,
    url: site.officialSiteUrl,
    email: site.email,
    telephone: site.phone,
    address: postalAddress(site.address),
    ...(site.socials.length ? { sameAs: site.socials.map((s) => s.url) } : {}),
  };
}

export interface PageRef {
  /** Absolute canonical URL. */
  url: string;
  /** Absolute URL of the page's card (OG image). */
  image: string;
}

/** A page's canonical URL and card URL, from its path, the site URL and the card's path. */
export function pageRef(pathname: string, site: URL | string | undefined, cardPath: string): PageRef {
  return { url: new URL(pathname, site).href, image: new URL(cardPath, site).href };
}

/** A place given as «онлайн», «онлайн-трансляция», «дистанционно» is (also) online. */
const ONLINE = /онлайн|дистанцион|online/i;

/** A news item. `headline` is the typographed title, as in the h1. */
export function newsArticleLd(
  item: { headline: string; description: string; date: string; section?: string },
  page: PageRef,
  site: Pick<SiteSettings, 'officialSiteUrl' | 'schoolName'>,
): JsonLd {
  const org = organizationRef(site);
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: item.headline,
    description: item.description,
    datePublished: localToRfc3339(item.date),
    inLanguage: 'ru',
    url: page.url,
    mainEntityOfPage: page.url,
    image: [page.image],
    author: org,
    publisher: org,
    ...(item.section ? { articleSection: item.section } : {}),
  };
}

/** An event; times are local to the site's zone and carry its offset. */
export function eventLd(
  event: { name: string; description: string; start: string; end?: string | undefined; place: string; kind: string },
  page: PageRef,
  site: Pick<SiteSettings, 'officialSiteUrl' | 'schoolName'>,
): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'Event',
    name: event.name,
    description: event.description,
    startDate: localToRfc3339(event.start),
    ...(event.end ? { endDate: localToRfc3339(event.end) } : {}),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: ONLINE.test(event.place)
      ? 'https://schema.org/MixedEventAttendanceMode'
      : 'https://schema.org/OfflineEventAttendanceMode',
    location: { '@type': 'Place', name: event.place, address: event.place },
    inLanguage: 'ru',
    keywords: event.kind,
    url: page.url,
    image: [page.image],
    organizer: organizationRef(site),
  };
}

/** A consented author label «ФИО, должность» as a Person; the name never has a comma. */
function person(label: string): JsonLd {
  const [name, ...rest] = label.split(', ');
  return { '@type': 'Person', name, ...(rest.length ? { jobTitle: rest.join(', ') } : {}) };
}

/**
 * A practice of the bank. `namedAuthors` are the labels the privacy policy
 * allowed for this place; when nobody may be named, the school is the author.
 */
export function learningResourceLd(
  practice: {
    name: string;
    description: string;
    year: number;
    resourceType: string;
    audience: string;
    keywords: readonly string[];
    namedAuthors: readonly string[];
  },
  page: PageRef,
  site: Pick<SiteSettings, 'officialSiteUrl' | 'schoolName'>,
): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'LearningResource',
    name: practice.name,
    description: practice.description,
    learningResourceType: practice.resourceType,
    audience: { '@type': 'EducationalAudience', educationalRole: 'teacher', audienceType: practice.audience },
    keywords: practice.keywords.join(', '),
    dateCreated: String(practice.year),
    inLanguage: 'ru',
    isAccessibleForFree: true,
    url: page.url,
    image: [page.image],
    author: practice.namedAuthors.length ? practice.namedAuthors.map(person) : organizationRef(site),
    publisher: organizationRef(site),
  };
}

/** Breadcrumbs: the home page, then each crumb; every item has an absolute URL. */
export function breadcrumbListLd(items: readonly { name: string; url: string }[]): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: item.url })),
  };
}
