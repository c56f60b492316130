/**
 * `npm start` on a busy port: the default port moves to the next free one (and
 * the address printed is that one), a port the editor named is never swapped
 * for another — the start stops with a Russian message that says what to do.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { choosePort, DEFAULT_PORT, portIsFree } from '../../../cms/server/dev-port.ts';
import { runNode } from '../../helpers/run.ts';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** Occupies a free port on 127.0.0.1, as another running site would. */
async function occupy(): Promise<number> {
  const server = net.createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

describe('choosePort', () => {
  it('moves the default port to the next free one and says from where', async () => {
    const busy = new Set([DEFAULT_PORT, DEFAULT_PORT + 1]);
    await expect(choosePort(undefined, async (p) => !busy.has(p))).resolves.toEqual({
      ok: true,
      port: DEFAULT_PORT + 2,
      movedFrom: DEFAULT_PORT,
    });
    await expect(choosePort(undefined, async () => true)).resolves.toEqual({ ok: true, port: DEFAULT_PORT });
  });

  it('never swaps a port the editor named: it is busy, with a free one to suggest', async () => {
    await expect(choosePort('5000', async (p) => p !== 5000)).resolves.toEqual({ ok: false, reason: 'busy', port: 5000, suggestion: 5001 });
  });

  it('refuses what is not a port', async () => {
    for (const value of ['abc', '80', '70000', '43 21', ''])
      await expect(choosePort(value, async () => true)).resolves.toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('gives up when every port it tries is busy', async () => {
    await expect(choosePort(undefined, async () => false)).resolves.toMatchObject({ ok: false, reason: 'none-free' });
  });

  it('sees a port another program listens on as busy', async () => {
    const port = await occupy();
    await expect(portIsFree(port)).resolves.toBe(false);
  });
});

describe('npm start on a busy port', () => {
  it('stops at once with a Russian message and the command to run instead, no stack trace', async () => {
    const port = await occupy();
    const result = await runNode(['scripts/dev.ts', '--port', String(port)], {}, 60_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Порт ${port} занят`);
    expect(result.stderr).toMatch(/npm start -- --port \d+/);
    expect(result.stdout + result.stderr).not.toMatch(/\bat .+:\d+:\d+\)|Error:/);
  });
});
