/**
 * `npm run bench:search`: the bank's search at scale (bench/search.ts).
 */
import { cli } from '../bench/search.ts';

await cli();
