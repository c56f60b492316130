import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countElements, pageAssets, quantile, staticImports, weighBankPage, weighSite } from '../../bench/page-weight.ts';
import zlib from 'node:zlib';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-weight-'));
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
  fs.writeFileSync(path.join(dist, rel), text);
}

describe('page weight', () => {
  it('finds the stylesheets and scripts a page loads, not feeds, icons or JSON-LD', () => {
    const html = `<head><link rel="stylesheet" href="/_astro/Base.css"><link rel="alternate" href="/news/feed.xml">
      <link rel="icon" href="/favicon.svg"><link rel="modulepreload" href="/_astro/chunk.js">
      <script src="/low-vision.js"></script><script type="application/ld+json">{}</script>
      <script type="module" src="/_astro/search.js"></script><link href="/_astro/Base.css" rel="stylesheet"></head>`;
    expect(pageAssets(html)).toEqual({ css: ['/_astro/Base.css'], js: ['/_astro/chunk.js', '/low-vision.js', '/_astro/search.js'] });
  });

  it('follows static imports of a module, not dynamic ones', () => {
    const code = `import{a as e}from"./pagefind.js";import"./side.js";export{x}from'./re.js';const m=()=>import("./later.js");`;
    expect(staticImports(code).sort()).toEqual(['./pagefind.js', './re.js', './side.js']);
  });

  it('takes quantiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.95)).toBe(95);
    expect(quantile([7], 0.95)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('weighs each page with its assets counted once, and keeps pages with search apart', () => {
    write('_astro/base.css', 'x'.repeat(1000));
    write('low-vision.js', 'y'.repeat(300));
    write('_astro/search.js', `import"./engine.js";${'z'.repeat(700)}`);
    write('_astro/engine.js', 'w'.repeat(2000));
    const head =
      '<link rel="stylesheet" href="/_astro/base.css"><link rel="stylesheet" href="/_astro/base.css"><script src="/low-vision.js"></script>';
    write('index.html', `<html><head>${head}</head><body>${'a'.repeat(500)}</body></html>`);
    write(
      'practices/index.html',
      `<html><head>${head}<script type="module" src="/_astro/search.js"></script></head><body><input id="q" type="search"></body></html>`,
    );
    write('admin/index.html', '<script src="/admin/cms.js"></script>');
    const { site, pages } = weighSite(dist);
    expect(pages.map((p) => p.page)).toEqual(['/', '/practices/']);
    const home = pages[0]!;
    expect(home.css.raw).toBe(1000);
    expect(home.js.raw).toBe(300);
    expect(home.total.raw).toBe(fs.statSync(path.join(dist, 'index.html')).size + 1300);
    expect(home.total.gzip).toBeLessThan(home.total.raw);
    expect(site.jsWithoutSearch).toMatchObject({ page: '/', raw: 300 });
    expect(site.jsWithSearch).toMatchObject({
      page: '/practices/',
      raw: 300 + fs.statSync(path.join(dist, '_astro/search.js')).size + 2000,
    });
  });

  it('counts the elements a browser builds, not text, comments or tags inside scripts', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><script>const t = "<div><li>";</script></head>
      <body><!-- <p>hidden</p> --><ul><li>a<li>b</ul><p>x &lt;b&gt; y<br><img src="i.png"></body></html>`;
    // html, head, meta, script, body, ul, li, li, p, br, img
    expect(countElements(html)).toBe(11);
  });

  it('weighs the bank page as gzip bytes and elements, and reports a site without one as unmeasured', () => {
    const html = `<main>${'<article><h2>Практика</h2><p>Описание</p></article>'.repeat(40)}</main>`;
    write('practices/index.html', html);
    expect(weighBankPage(dist)).toEqual({ htmlGzip: zlib.gzipSync(Buffer.from(html)).length, elements: 1 + 40 * 3 });
    expect(weighBankPage(path.join(dist, 'nothing'))).toBeUndefined();
  });
});
