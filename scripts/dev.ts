/**
 * `npm start` / `npm run dev`: the site with its CMS on a laptop.
 *
 * Starts Astro's dev server (http://localhost:4321, the CMS at /admin/) and
 * Decap's local backend (decap-server, which writes into content/) together,
 * in the foreground, and stops both on Ctrl+C. decap-server has no
 * authentication, so it is bound to 127.0.0.1 only. Astro is started through
 * its programmatic API, so it behaves the same in every terminal (the CLI
 * moves itself to the background when it believes an automated tool runs it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { dev } from 'astro';

const HELP = `Запуск сайта с редактором (CMS) на этом компьютере.

Использование: npm start [-- --port 4321] [-- --no-cms]

  Сайт:     http://localhost:4321/
  Редактор: http://localhost:4321/admin/ (кнопка «Войти» — без пароля,
            изменения сохраняются в папку content/)

  --port N   порт сайта (по умолчанию 4321)
  --cms-port N  порт локального сервера редактора (по умолчанию 8081)
  --no-cms   не запускать локальный сервер редактора
  --help     эта справка

  CMS_EDITORIAL_WORKFLOW=1 npm start — редактор с черновиками
            (черновик → на проверке → готово); изменения сохраняются
            коммитами в ветки cms/… этого репозитория`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    'cms-port': { type: 'string', default: process.env.DECAP_PORT ?? '8081' },
    'no-cms': { type: 'boolean', default: false },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const require = createRequire(import.meta.url);
const children: ChildProcess[] = [];

/** `fs` writes files; the editorial workflow (CMS_EDITORIAL_WORKFLOW=1) needs `git`, which commits to branches. */
function decapMode(): string {
  if (process.env.DECAP_MODE) return process.env.DECAP_MODE;
  return /^(1|true|yes|да)$/i.test(process.env.CMS_EDITORIAL_WORKFLOW ?? '') ? 'git' : 'fs';
}

function startDecapServer(port: string): ChildProcess {
  const entry = require.resolve('decap-server/dist/index.js');
  const child = spawn(process.execPath, [entry], {
    cwd: process.cwd(),
    env: { ...process.env, BIND_HOST: '127.0.0.1', PORT: port, MODE: decapMode(), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(
        `Локальный сервер редактора остановился (код ${code ?? signal}). Сайт продолжает работать, но сохранять из /admin/ нельзя.`,
      );
    }
  });
  return child;
}

let stopping = false;
// The admin page reads the port to find decap-server (cms/backend.ts).
process.env.DECAP_PORT = values['cms-port'];
const server = await dev({
  root: process.cwd(),
  server: { port: Number(values.port), host: 'localhost' },
});
if (!values['no-cms']) {
  children.push(startDecapServer(values['cms-port']));
  console.log(`Редактор: http://localhost:${values.port}/admin/ (локальный сервер на 127.0.0.1:${values['cms-port']})`);
}

async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
