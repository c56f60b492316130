/**
 * Valid HTML, checked by the Nu Html Checker (vnu-jar, Java): Astro 7 no
 * longer repairs invalid nesting, so a broken template ships broken markup
 * unless something reads every page.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface HtmlMessage {
  file: string;
  line: number;
  message: string;
  extract: string;
}

const require = createRequire(import.meta.url);

/** Every error vnu reports in the HTML files under `dir`. Needs `java` on PATH. */
export function checkHtml(dir: string, timeoutMs = 180_000): Promise<HtmlMessage[]> {
  const jar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-Xss8m', '-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', dir],
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        // vnu writes its JSON report to stderr and exits 1 when it found errors.
        try {
          const report = JSON.parse(stderr) as {
            messages: { type: string; url: string; lastLine?: number; message: string; extract?: string }[];
          };
          resolve(
            report.messages
              .filter((m) => m.type === 'error')
              .map((m) => ({
                file: path.relative(dir, new URL(m.url).pathname),
                line: m.lastLine ?? 0,
                message: m.message,
                extract: m.extract ?? '',
              })),
          );
        } catch {
          reject(error ?? new Error(`vnu: unreadable report: ${stderr.slice(0, 500)}`));
        }
      },
    );
  });
}
