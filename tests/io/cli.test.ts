/**
 * Every command answers a wrong invocation the same way: a Russian message
 * pointing at --help, exit code 2, no stack trace; --help prints the help.
 */
import { describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run.ts';

const COMMANDS = [
  'validate',
  'draft-order',
  'draft-program',
  'export',
  'undo',
  'privacy-report',
  'privacy-purge',
  'match',
  'monitoring',
  'import-survey',
];

describe('the command line of every methodologist command', () => {
  it.each(COMMANDS)('%s: an unknown option is a usage error in Russian, exit 2', async (name) => {
    const r = await runNode([`scripts/${name}.ts`, '--no-such-option'], {}, 60_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Ошибка: .*Справка: --help/m);
    expect(r.stderr + r.stdout).not.toMatch(/^\s+at /m);
  });

  it.each(COMMANDS)('%s: --help prints Russian help and exits 0', async (name) => {
    const r = await runNode([`scripts/${name}.ts`, '--help'], {}, 60_000);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/[А-Яа-яЁё]{4,}/);
  });

  it('refuses a malformed school year the same way everywhere', async () => {
    for (const [name, option] of [
      ['draft-order', '--year'],
      ['export', '--year'],
      ['monitoring', '--cycle'],
      ['match', '--year'],
    ] as const) {
      const r = await runNode([`scripts/${name}.ts`, option, '2025/26', ...(name === 'export' ? ['--what', 'banks'] : [])], {}, 60_000);
      expect([name, r.code]).toEqual([name, 2]);
      expect(r.stderr).toContain(`${option}: ожидается учебный год вида 2026-2027, получено «2025/26»`);
    }
  });
});
