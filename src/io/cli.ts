/**
 * What every command of the project does the same way: `--help` prints the
 * Russian help and exits 0; an unknown option or a bad argument says what
 * is wrong in Russian, points at `--help` and exits 2; a refusal of the
 * command itself exits 1 (or its own code); nothing ever prints a stack
 * trace. Scripts in scripts/ stay thin wrappers around this and src/.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { isSchoolYear, schoolYearOf } from '../lib/school-year.ts';

/** Exit codes shared by the commands (validate adds 3: published without what was withheld). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Prints `Ошибка: …` and exits with `code`. */
export function fail(message: string, code: number = EXIT.failed): never {
  console.error(`Ошибка: ${message}`);
  process.exit(code);
}

/** A wrong invocation: the message, a pointer to the help, exit 2. */
export function usage(message: string): never {
  fail(`${message}. Справка: --help`, EXIT.usage);
}

/** Parses the command line with the given options (and `--help`); prints the help and exits when asked. */
export function parseCommand<O extends ParseArgsOptionsConfig>(help: string, options: O, config: { args?: string[] } = {}) {
  const all = { ...options, help: { type: 'boolean' } } as O & { help: { type: 'boolean' } };
  let parsed: ReturnType<typeof parseArgs<{ options: typeof all; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ ...(config.args ? { args: config.args } : {}), options: all, allowPositionals: true });
  } catch (e) {
    usage(`${e instanceof Error ? e.message.replace(/\. To specify.*$/s, '') : String(e)}`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(help);
    process.exit(EXIT.ok);
  }
  return parsed;
}

/** The school year of a `--year`/`--cycle` option, or the current one; a malformed value is a usage error. */
export function schoolYearOption(value: string | undefined, today: string, option = '--year'): string {
  const year = value ?? schoolYearOf(today);
  if (!isSchoolYear(year)) usage(`${option}: ожидается учебный год вида 2026-2027, получено «${year}»`);
  return year;
}

/** Runs the command's body: a thrown error of one of `refusals` prints its message and exits 1; others propagate. */
export async function runCommand(body: () => Promise<void> | void, refusals: readonly (new (...args: never[]) => Error)[]): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (refusals.some((R) => e instanceof R)) fail((e as Error).message, (e as { code?: number }).code ?? EXIT.failed);
    throw e;
  }
}
