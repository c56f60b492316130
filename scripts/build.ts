/**
 * `npm run build`: the site, its checks and the staged output (src/integrations/build-process.ts).
 */
import { buildUi } from '../src/i18n/ru.ts';
import { runBuild } from '../src/integrations/build-process.ts';

if (process.argv.includes('--help')) console.log(buildUi.help);
else process.exitCode = await runBuild(process.argv.slice(2));
