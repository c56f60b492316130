/**
 * `npm run lighthouse`: Lighthouse scores of the built or running site (bench/lighthouse.ts).
 */
import { main } from '../bench/lighthouse.ts';

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
});
