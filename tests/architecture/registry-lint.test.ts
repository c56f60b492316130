/**
 * The import boundary: pages, components, layouts and the page data layer
 * may not import the registry. Proven by running the project's ESLint
 * config on probe sources, and by scanning the real sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

const eslint = new ESLint({ cwd: ROOT });

async function lint(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports');
}

describe('registry import boundary', () => {
  it.each(['src/pages/probe.ts', 'src/components/probe.ts', 'src/layouts/probe.ts', 'src/data/probe.ts'])(
    'forbids %s to import the registry',
    async (file) => {
      for (const spec of [
        '../privacy/registry.ts',
        '../../privacy/registry',
        '../schema/registry.ts',
        '../../content/registry/people/p-001.yaml',
      ]) {
        const messages = await lint(file, `import x from '${spec}';\nexport default x;\n`);
        expect(messages, spec).toHaveLength(1);
        expect(messages[0]!.message).toContain('src/privacy/public.ts');
      }
    },
  );

  it('allows the public descriptors', async () => {
    expect(
      await lint(
        'src/pages/probe.ts',
        "import { describeParticipant } from '../privacy/public.ts';\nexport default describeParticipant;\n",
      ),
    ).toEqual([]);
  });

  it('allows src/privacy itself', async () => {
    expect(
      await lint('src/privacy/probe.ts', "import { loadRegistry } from '../privacy/registry.ts';\nexport default loadRegistry;\n"),
    ).toEqual([]);
  });

  it('holds in the real sources', () => {
    const offenders: string[] = [];
    for (const dir of ['src/pages', 'src/components', 'src/layouts', 'src/data']) {
      for (const entry of fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
        if (/from ['"][^'"]*(privacy\/registry|schema\/registry|content\/registry)/.test(text))
          offenders.push(path.join(entry.parentPath, entry.name));
      }
    }
    expect(offenders).toEqual([]);
  });
});
