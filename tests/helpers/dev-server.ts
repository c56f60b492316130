/**
 * The project's own `npm start` (scripts/dev.ts) for the CMS end-to-end tests:
 * Astro dev on a free port, with CONTENT_DIR pointing at a throw-away copy of
 * the demo content (or of a fixture) inside the project, because the CMS only
 * writes under the project root. The CMS's local API is found the way the
 * admin page finds it: in the Decap config the page embeds. Everything is
 * stopped and removed by `stop()`, also after a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { acquireAstroLock } from './build-lock.ts';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DEMO_CONTENT, ROOT } from './paths.ts';

export interface DevServer {
  /** The temp folder (inside the project): `content/`, a build's `dist/`, caches. */
  dir: string;
  /** The content root the CMS writes into. */
  content: string;
  siteUrl: string;
  /** The CMS's local API as the admin page names it (absolute URL). */
  apiUrl: string;
  /** What the server printed, for failure messages and for what it must not print. */
  output: () => string;
  stop: () => Promise<void>;
}

export interface DevServerOptions {
  /** The content to copy (default: the demo content). */
  content?: string;
  /** Extra arguments for scripts/dev.ts. */
  args?: string[];
  /** Extra environment variables. */
  env?: Record<string, string>;
}

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} did not come up in ${timeoutMs} ms:\n${output().slice(-3000)}`);
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** The environment an editor's `npm start` has: without the test runner's variables (Astro serves no pages under VITEST). */
function editorEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(k)));
}

/** The Decap config embedded in an admin page. */
export function embeddedConfig(html: string): { backend: { name: string; proxy_url?: string } } & Record<string, unknown> {
  const json = /<script id="cms-config" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!json) throw new Error(`no #cms-config in the admin page:\n${html.slice(0, 2000)}`);
  return JSON.parse(json) as { backend: { name: string; proxy_url?: string } };
}

/** Starts `node scripts/dev.ts --port …` on a fresh copy of the demo content (or of `options.content`). */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  // Astro dev writes the project's .astro/ like a build does: hold the lock for the server's whole life.
  const releaseLock = await acquireAstroLock();
  const cacheDir = path.join(ROOT, '.cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cacheDir, 'cms-e2e-'));
  const content = path.join(dir, 'content');
  fs.cpSync(options.content ?? DEMO_CONTENT, content, { recursive: true });
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, ['scripts/dev.ts', '--port', String(port), ...(options.args ?? [])], {
    cwd: ROOT,
    detached: true,
    env: {
      ...editorEnv(),
      CONTENT_DIR: path.relative(ROOT, content),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const output = () => log;
  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      if (!(await exited(child, 10_000))) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await exited(child, 5_000);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    releaseLock();
  };
  const siteUrl = `http://localhost:${port}`;
  let apiUrl = '';
  try {
    await waitFor('astro dev /admin/', async () => (await fetch(`${siteUrl}/admin/`)).ok, 120_000, output);
    const config = embeddedConfig(await (await fetch(`${siteUrl}/admin/`)).text());
    apiUrl = new URL(config.backend.proxy_url ?? '', siteUrl).href;
    await waitFor(
      'the CMS API',
      async () => {
        const res = await fetch(apiUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: siteUrl },
          body: JSON.stringify({ action: 'info' }),
        });
        return res.ok;
      },
      60_000,
      output,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { dir, content, siteUrl, apiUrl, output, stop };
}

/** Local addresses of the sockets listening on `port`, from /proc/net/tcp and tcp6. */
export function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (const [file, v6] of [
    ['/proc/net/tcp', false],
    ['/proc/net/tcp6', true],
  ] as const) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const [addr, p] = (cols[1] ?? '').split(':');
      if (p !== hexPort || cols[3] !== '0A' || !addr) continue; // 0A = LISTEN
      out.push(v6 ? ipv6(addr) : ipv4(addr));
    }
  }
  return out;
}

const ipv4 = (hex: string) =>
  hex
    .match(/../g)!
    .reverse()
    .map((b) => parseInt(b, 16))
    .join('.');

function ipv6(hex: string): string {
  const words = hex.match(/.{8}/g)!.flatMap((w) => w.match(/../g)!.reverse().join('').match(/.{4}/g)!);
  const joined = words.map((w) => parseInt(w, 16).toString(16)).join(':');
  return joined === '0:0:0:0:0:0:0:0' ? '::' : joined === '0:0:0:0:0:0:0:1' ? '::1' : joined;
}
