/**
 * `node cms/server/bundle-process.ts <root> <key> <outDir>`: one build of the
 * admin bundle, in a process of its own (cms/server/bundle.ts says why).
 */
import { viteBuild } from './bundle.ts';

const [root, key, outDir] = process.argv.slice(2);
if (!root || !key || !outDir) {
  console.error('нужны три аргумента: корень проекта, ключ сборки, папка для результата');
  process.exitCode = 2;
} else {
  await viteBuild(root, key, outDir);
}
