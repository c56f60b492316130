/**
 * The front-matter loader parses an entry only when its front matter, body
 * or schema code changed since the store last held it; every entry is still
 * in the store, and a removed file leaves it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { frontMatterLoader } from '../../src/data/loader.ts';
import { tempContent, type TempContent } from '../helpers/fixture.ts';

let content: TempContent;
const saved = process.env.CONTENT_DIR;

beforeEach(() => {
  content = tempContent();
  content.write(
    'news/2025-10-01-vtoraya.md',
    '---\ntitle: Вторая новость о наставничестве\ndate: 2025-10-01\nsummary: Пары сформированы.\nstage: 1\n---\nТекст второй новости.\n',
  );
  process.env.CONTENT_DIR = content.dir;
});
afterEach(() => {
  if (saved === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = saved;
  content.cleanup();
});

interface Stored {
  id: string;
  data: Record<string, unknown>;
  filePath: string;
  digest: string;
}

/** Astro's side of a loader: a store that outlives syncs, and counters of what the loader asked for. */
function astroSide() {
  const entries = new Map<string, Stored>();
  const parsed: string[] = [];
  return {
    entries,
    parsed,
    context: () => ({
      store: {
        get: (id: string) => entries.get(id),
        set: (e: Stored) => entries.set(e.id, e),
        keys: () => [...entries.keys()],
        delete: (id: string) => entries.delete(id),
      },
      parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
        parsed.push(id);
        return data;
      },
      generateDigest: (value: unknown) => JSON.stringify(value),
      config: { root: new URL(`file://${path.resolve('.')}/`) },
    }),
  };
}

const sync = (side: ReturnType<typeof astroSide>) => frontMatterLoader('news').load(side.context() as never);

describe('frontMatterLoader', () => {
  it('parses every entry once, then only the edited one, and drops a removed one', async () => {
    const side = astroSide();
    await sync(side);
    const ids = [...side.entries.keys()].sort();
    expect(ids.length).toBeGreaterThan(1);
    expect([...side.parsed].sort()).toEqual(ids);

    side.parsed.length = 0;
    await sync(side);
    expect(side.parsed).toEqual([]);
    expect([...side.entries.keys()].sort()).toEqual(ids);

    const [first, second] = fs.readdirSync(path.join(content.dir, 'news')).sort();
    content.edit(`news/${first}`, (t) => `${t}\nЕщё одна строка.\n`);
    content.remove(`news/${second}`);
    side.parsed.length = 0;
    await sync(side);
    expect(side.parsed).toEqual([ids.find((id) => first!.startsWith(id))]);
    expect(side.entries.size).toBe(ids.length - 1);
  });
});
