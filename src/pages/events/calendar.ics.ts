/** /events/calendar.ics: every published event, a calendar teachers subscribe to (webcal). */
import type { APIRoute } from 'astro';
import { published } from '../../data/entries.ts';
import { getSite } from '../../data/site.ts';
import { calendarResponse } from '../../lib/ical.ts';

export const GET: APIRoute = async ({ site }) => calendarResponse(await published('events'), await getSite(), String(site));
