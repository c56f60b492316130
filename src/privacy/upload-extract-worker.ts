/**
 * The child process of upload-cache.ts: reads `[{file, kind}]` as JSON on
 * standard input and prints one JSON line `{file, result}` per file, so a
 * parser that hangs or crashes on one file costs only the files after it.
 */
import fs from 'node:fs';
import { extractUpload } from './upload-text.ts';

// Standard output carries the answers only: parsers' own messages go to standard error.
console.log = console.error;
console.info = console.error;
console.warn = console.error;

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const files = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { file: string; kind: string }[];
for (const { file, kind } of files) {
  let result;
  try {
    result = await extractUpload(fs.readFileSync(file), kind);
  } catch (e) {
    result = { error: (e as Error).message };
  }
  process.stdout.write(`${JSON.stringify({ file, result })}\n`);
}
