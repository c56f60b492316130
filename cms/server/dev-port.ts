/**
 * The port `npm start` listens on. A port the editor named (`--port`, `PORT`)
 * is used as it is or the start stops with a Russian message; the default
 * port, when busy (the site already runs in another terminal), moves to the
 * next free one. The port is chosen before Astro starts, and Astro is held to
 * it, so the editor URL printed is always the one that works.
 */
import net from 'node:net';

export const DEFAULT_PORT = 4321;
/** How many ports after the default are tried. */
const SPAN = 20;

export type PortChoice =
  | { ok: true; port: number; movedFrom?: number }
  | { ok: false; reason: 'busy'; port: number; suggestion?: number }
  | { ok: false; reason: 'none-free'; from: number; to: number }
  | { ok: false; reason: 'invalid'; value: string };

/** True when nothing listens on `port` on the loopback addresses Astro's «localhost» may take. */
export async function portIsFree(port: number): Promise<boolean> {
  for (const host of ['127.0.0.1', '::1']) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EADDRNOTAVAIL' || err.code === 'EAFNOSUPPORT'));
      server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
    });
    if (!free) return false;
  }
  return true;
}

/** The port to start on: `requested` is the editor's (`--port`/`PORT`) or undefined for the default. */
export async function choosePort(
  requested: string | undefined,
  isFree: (port: number) => Promise<boolean> = portIsFree,
): Promise<PortChoice> {
  if (requested !== undefined) {
    const port = Number(requested);
    if (!/^\d+$/.test(requested.trim()) || port < 1024 || port > 65535) return { ok: false, reason: 'invalid', value: requested };
    if (await isFree(port)) return { ok: true, port };
    const suggestion = await firstFree(port + 1, isFree);
    return { ok: false, reason: 'busy', port, ...(suggestion ? { suggestion } : {}) };
  }
  const port = await firstFree(DEFAULT_PORT, isFree);
  if (port === undefined) return { ok: false, reason: 'none-free', from: DEFAULT_PORT, to: DEFAULT_PORT + SPAN };
  return port === DEFAULT_PORT ? { ok: true, port } : { ok: true, port, movedFrom: DEFAULT_PORT };
}

async function firstFree(from: number, isFree: (port: number) => Promise<boolean>): Promise<number | undefined> {
  for (let port = from; port <= Math.min(from + SPAN, 65535); port++) if (await isFree(port)) return port;
  return undefined;
}
