/** /events/<id>.ics: one event for «add to my calendar». */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { published } from '../../data/entries.ts';
import { getSite } from '../../data/site.ts';
import { calendarResponse } from '../../lib/ical.ts';

export const getStaticPaths = (async () =>
  (await published('events')).map((event) => ({ params: { id: event.id }, props: { event } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ event: CollectionEntry<'events'> }> = async ({ props, site }) =>
  calendarResponse([props.event], await getSite(), String(site));
