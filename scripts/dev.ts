/**
 * `npm start` / `npm run dev`: the site with its CMS on a laptop.
 *
 * Starts Astro's dev server (http://localhost:4321, the CMS at /admin/) in the
 * foreground and stops it on Ctrl+C. The CMS saves through the dev server
 * itself (cms/server/local-api.ts): one port, one process, and a key drawn here for
 * this run that only the admin page learns. Astro is started through its
 * programmatic API, so it behaves the same in every terminal (the CLI moves
 * itself to the background when it believes an automated tool runs it).
 */
import { parseArgs } from 'node:util';
import { dev } from 'astro';
import { disableLocalApi, newApiKey } from '../cms/server/api-key.ts';

const HELP = `Запуск сайта с редактором (CMS) на этом компьютере.

Использование: npm start [-- --port 4321] [-- --no-cms]

  Сайт:     http://localhost:4321/
  Редактор: http://localhost:4321/admin/ (кнопка «Войти» — без пароля,
            изменения сохраняются в папку content/)

  --port N   порт сайта и редактора (по умолчанию 4321)
  --no-cms   не сохранять из редактора (страница /admin/ скажет об этом)
  --help     эта справка

  Редактор сохраняет записи через сам сайт разработки, отдельного сервера
  и порта нет. Он принимает запросы только со страницы /admin/ этого
  запуска и пишет только в папки коллекций CMS.

  CMS_EDITORIAL_WORKFLOW=1 npm start — редактор с черновиками
            (черновик → на проверке → готово); изменения сохраняются
            коммитами в ветки cms/… этого репозитория`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    'cms-port': { type: 'string' },
    'no-cms': { type: 'boolean', default: false },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (values['cms-port'] !== undefined) {
  console.log('Параметр --cms-port больше не нужен: редактор сохраняет записи через сам сайт разработки, отдельного порта нет.');
}

// A fresh key for this run, whatever the environment inherited.
if (values['no-cms']) disableLocalApi();
else newApiKey();

const server = await dev({
  root: process.cwd(),
  server: { port: Number(values.port), host: 'localhost' },
});
const { port } = server.address;
console.log(
  values['no-cms']
    ? `Редактор: http://localhost:${port}/admin/ (сохранение выключено: --no-cms)`
    : `Редактор: http://localhost:${port}/admin/`,
);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
