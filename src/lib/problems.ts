/**
 * A problem found in the content: the one shape every check reports in, and
 * that `npm run validate -- --json` prints for other tools.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
  /** File relative to the project root, forward slashes. */
  file: string;
  /** Dotted path of the field inside the entry, when the problem is about one. */
  field?: string;
  /** Stable rule id, e.g. `schema`, `reference`, `consent-missing`. */
  rule: string;
  /** Russian message for editors: what is wrong and what is expected. */
  message: string;
  severity: Severity;
}

export const isError = (p: Problem) => p.severity === 'error';

/** One line per problem: `file: поле «…» — message`. */
export function formatProblem(p: Problem): string {
  const mark = p.severity === 'warning' ? 'предупреждение: ' : '';
  return `${p.file}: ${mark}${p.message}`;
}

/** Problems ordered by file, then field, so output is stable between runs. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.field ?? '').localeCompare(b.field ?? '') || a.rule.localeCompare(b.rule),
  );
}
