/**
 * Coverage of every stage in the built demo site: each stage page lists its
 * news, events and documents; the editors' /coverage/ page lists the months
 * and levels still missing and stays out of menus, sitemap, index and search.
 */
import { describe, expect, it } from 'vitest';
import {
  coverageReport,
  stageMaterials,
  type DocumentEntry,
  type EventEntry,
  type NewsEntry,
  type StageEntry,
} from '../../src/lib/coverage.ts';
import { todayIso } from '../../src/lib/dates.ts';
import { reviewContent } from '../../src/privacy/gate.ts';
import { DEMO_CONTENT, testDist } from '../helpers/paths.ts';
import { headMeta, pageHtml, sitePages } from '../helpers/parse.ts';

const index = reviewContent(DEMO_CONTENT);
function published<T>(c: 'roadmap' | 'news' | 'events' | 'documents'): T[] {
  return [...index.entries.get(c)!.values()]
    .filter((e) => !index.withheld.get(c)?.has(e.id))
    .map((e) => ({ id: e.id, data: e.parsed }) as T);
}
const all = {
  news: published<NewsEntry>('news'),
  events: published<EventEntry>('events'),
  documents: published<DocumentEntry>('documents'),
};
const stages = published<StageEntry>('roadmap');

describe('coverage of the roadmap', () => {
  it('each stage page links every news item, event and document of the stage', () => {
    for (const stage of stages) {
      const html = pageHtml(testDist(), `/roadmap/${stage.id}/`);
      const section = html.slice(html.indexOf('id="stage-coverage"'));
      const m = stageMaterials(stage, all);
      for (const n of m.news) expect(section, stage.id).toContain(`href="/news/${n.id}/"`);
      for (const e of m.events) expect(section, stage.id).toContain(`href="/events/${e.id}/"`);
      for (const d of m.documents) expect(section, stage.id).toContain(`href="/documents/${d.id}/"`);
    }
  });

  it('the editors’ page lists each stage’s months without coverage and the levels not reached', () => {
    const html = pageHtml(testDist(), '/coverage/');
    const report = coverageReport(stages, all, todayIso());
    expect(report.stages.some((s) => s.gaps.length > 0)).toBe(true);
    for (const s of report.stages) {
      // Astro writes an empty attribute bare: `data-gaps` instead of `data-gaps=""`.
      const row = new RegExp(`<tr data-stage="${s.stage}" data-gaps(?:="([^"]*)")?>[\\s\\S]*?data-missing-levels(?:="([^"]*)")?>`).exec(
        html,
      );
      expect(row, `stage ${s.stage}`).not.toBeNull();
      expect([row![1] ?? '', row![2] ?? '']).toEqual([s.gaps.join(' '), s.missingLevels.join(' ')]);
    }
  });

  it('the editors’ page is noindex, ignored by the site search, and linked from no public page', () => {
    const html = pageHtml(testDist(), '/coverage/');
    expect(headMeta(html).meta.get('robots')).toBe('noindex');
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(main).toMatch(/<main[^>]*>[\s\S]*?<div data-pagefind-ignore="all">/);
    expect(main.replace(/<nav class="breadcrumbs"[\s\S]*?<\/nav>/, '')).toMatch(
      /^<main[^>]*>\s*<div data-pagefind-ignore="all">[\s\S]*<\/div>\s*$/,
    );
    const linking = sitePages(testDist()).filter((p) => p !== '/coverage/' && pageHtml(testDist(), p).includes('href="/coverage/"'));
    expect(linking).toEqual([]);
  });
});
