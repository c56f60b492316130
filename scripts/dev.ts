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
import { choosePort } from '../cms/server/dev-port.ts';
import { devUi } from '../src/i18n/ru.ts';

const HELP = `Запуск сайта с редактором (CMS) на этом компьютере.

Использование: npm start [-- --port 4321] [-- --no-cms]

  Сайт:     http://localhost:4321/
  Редактор: http://localhost:4321/admin/ (кнопка «Войти» — без пароля,
            изменения сохраняются в папку content/)

  --port N   порт сайта и редактора (по умолчанию 4321; если он занят —
            следующий свободный, и команда напечатает верный адрес)
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
    port: { type: 'string' },
    'cms-port': { type: 'string' },
    'no-cms': { type: 'boolean', default: false },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (values['cms-port'] !== undefined) console.log(devUi.cmsPortGone);

const choice = await choosePort(values.port ?? process.env.PORT);
if (!choice.ok) {
  console.error(
    choice.reason === 'busy'
      ? devUi.busy(choice.port, choice.suggestion)
      : choice.reason === 'invalid'
        ? devUi.badPort(choice.value)
        : devUi.noFreePort(choice.from, choice.to),
  );
  process.exit(1);
}
if (choice.movedFrom !== undefined) console.log(devUi.moved(choice.movedFrom, choice.port));

// Astro's English upgrade and telemetry notices are not for the school's editors.
process.env.ASTRO_DISABLE_UPDATE_CHECK ??= 'true';
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

// A fresh key for this run, whatever the environment inherited.
if (values['no-cms']) disableLocalApi();
else newApiKey();

// Held to the chosen port: if another program takes it meanwhile, Astro stops instead of moving silently.
const server = await dev({
  root: process.cwd(),
  server: { port: choice.port, host: 'localhost' },
  vite: { server: { strictPort: true } },
});
const { port } = server.address;
console.log(devUi.site(`http://localhost:${port}/`));
console.log(values['no-cms'] ? devUi.editorReadOnly(`http://localhost:${port}/admin/`) : devUi.editor(`http://localhost:${port}/admin/`));

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
