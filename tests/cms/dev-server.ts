/**
 * The project's own `npm start` (scripts/dev.ts) for the CMS end-to-end test:
 * Astro dev and decap-server on free ports, with CONTENT_DIR pointing at a
 * throw-away copy of the demo content inside the project (decap-server only
 * writes under its working directory). Everything is stopped and removed by
 * `stop()`, also after a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { acquireAstroLock } from '../helpers/build-lock.ts';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DEMO_CONTENT, ROOT } from '../helpers/paths.ts';

export interface DevServer {
  /** The temp folder (inside the project): `content/`, a build's `dist/`, caches. */
  dir: string;
  /** The content root the CMS writes into. */
  content: string;
  siteUrl: string;
  cmsPort: number;
  /** What the two servers printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
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

/** Starts `node scripts/dev.ts --port … --cms-port …` on a fresh copy of the demo content. */
export async function startDevServer(): Promise<DevServer> {
  // Astro dev writes the project's .astro/ like a build does: hold the lock for the server's whole life.
  const releaseLock = await acquireAstroLock();
  const cacheDir = path.join(ROOT, '.cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cacheDir, 'cms-e2e-'));
  const content = path.join(dir, 'content');
  fs.cpSync(DEMO_CONTENT, content, { recursive: true });
  const [port, cmsPort] = [await freePort(), await freePort()];
  let log = '';
  const child = spawn(process.execPath, ['scripts/dev.ts', '--port', String(port), '--cms-port', String(cmsPort)], {
    cwd: ROOT,
    detached: true,
    env: {
      ...editorEnv(),
      CONTENT_DIR: path.relative(ROOT, content),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
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
  try {
    await waitFor(
      'decap-server',
      async () => {
        const res = await fetch(`http://127.0.0.1:${cmsPort}/api/v1`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'info' }),
        });
        return res.ok;
      },
      60_000,
      output,
    );
    await waitFor('astro dev /admin/', async () => (await fetch(`${siteUrl}/admin/`)).ok, 120_000, output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { dir, content, siteUrl, cmsPort, output, stop };
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

/** Resolves to the error code of a TCP connection attempt, or 'connected'. */
export function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}
