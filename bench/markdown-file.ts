/**
 * Writes a generated Markdown report formatted by the project's Prettier
 * settings, so a committed report passes `prettier --check` as written.
 */
import fs from 'node:fs';
import * as prettier from 'prettier';

export async function writeMarkdown(file: string, text: string): Promise<void> {
  const config = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(text, { ...config, filepath: file }));
}
