/**
 * The control of the benchmark: a bare Astro project that builds the same
 * Markdown files with nothing else — Astro's own `glob()` loader with a
 * permissive schema, one page per entry rendered with `render()`, a minimal
 * layout, no integrations. "Cold build ≤ 1.3 × the control" measures what
 * the section's features cost over Astro itself.
 *
 * It is written into its own folder (not this project's root), so it has its
 * own `.astro/` and never races the project's builds; Astro and its
 * dependencies resolve from this project's node_modules above it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The Markdown collections of the content model: everything that becomes an entry page. */
export const CONTROL_PATTERN = '{roadmap,documents,programs,practices,news,events,materials}/*.md';

function files(contentRoot: string): Record<string, string> {
  return {
    'package.json': `${JSON.stringify({ name: 'nastavnik-bench-control', private: true, type: 'module' }, null, 2)}\n`,
    'astro.config.mjs': `import { defineConfig } from 'astro/config';

export default defineConfig({
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  entries: defineCollection({
    loader: glob({ pattern: ${JSON.stringify(CONTROL_PATTERN)}, base: ${JSON.stringify(contentRoot)} }),
    schema: z.looseObject({ title: z.string().optional() }),
  }),
};
`,
    'src/layouts/Page.astro': `---
interface Props {
  title: string;
}
const { title } = Astro.props;
---

<!doctype html>
<html lang="ru">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
  </head>
  <body>
    <main>
      <h1>{title}</h1>
      <slot />
    </main>
  </body>
</html>
`,
    'src/pages/[...id].astro': `---
import { getCollection, render } from 'astro:content';
import Page from '../layouts/Page.astro';

export async function getStaticPaths() {
  const entries = await getCollection('entries');
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---

<Page title={entry.data.title ?? entry.id}><Content /></Page>
`,
  };
}

/** Writes the control project into `dir` (replacing what was there) for a content root. */
export function writeControlProject(dir: string, contentRoot: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files(path.resolve(contentRoot)))) {
    const abs = path.join(dir, name);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
}
