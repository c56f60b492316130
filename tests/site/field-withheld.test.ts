/**
 * A person who may not be shown takes only their own optional field off the
 * site: the programme whose curator withdrew consent is still published,
 * without the curator, in its page, its search record and its card.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFixture } from '../helpers/fixture-build.ts';

const site = builtFixture(
  (content) => {
    content.edit('programs/np-2025-01.md', (t) => t.replace('mentees: [p-002]', 'mentees: [p-002]\ncurator: p-003'));
    content.edit('registry/people/p-003.yaml', (t) =>
      t.replace('processing: { signed: 2025-09-01 }', 'processing: { signed: 2025-09-01, withdrawn: 2026-02-15 }'),
    );
  },
  { SITE_TODAY: '2026-03-01' },
);

describe('a curator who withdrew consent', () => {
  it('leaves the programme published, without a curator', () => {
    expect(site.build.code, site.build.stdout.slice(-2000) + site.build.stderr.slice(-2000)).toBe(0);
    const page = fs.readFileSync(path.join(site.dist, 'programs/np-2025-01/index.html'), 'utf8');
    expect(page).toContain('Адаптация молодого учителя математики');
    expect(page).not.toContain('Куратор');
  });

  it('is reported in the build log by id, as a withheld field', () => {
    expect(site.build.stdout + site.build.stderr).toMatch(/programs\/np-2025-01\.md: .*Куратор.*p-003/);
  });
});
