/**
 * `npm run bench`: the scale benchmark against a bare-Astro control (bench/run.ts).
 */
import { main } from '../bench/run.ts';

main().catch((e: unknown) => {
  console.error(`\n${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
