/**
 * A TCP proxy between one server instance and PostgreSQL, to take the database away from that instance
 * and give it back (tests/instances/instances.test.ts, "the database away"). scripts/engine.ts runs it as
 * a process of its own (the engine waits in spawnSync while a test runs, so a proxy in the engine's
 * process would stall) and points the third instance's DATABASE_URL at it:
 *
 *   DB_PROXY_TARGET=127.0.0.1:5432 DB_PROXY_PORT=… DB_PROXY_CONTROL_PORT=… tsx tests/instances/db-proxy.ts
 *
 * The control port is plain HTTP on 127.0.0.1:
 *   POST /down   every open connection is destroyed at once; a new one is accepted and closed at once
 *   POST /silent the database goes quiet: connections stay open (new ones are accepted) but nothing passes,
 *                as when a network drops packets; only the server's own timeouts can end its waits
 *   POST /up     connections pass again (the ones held while silent are closed: their messages were lost)
 *   GET  /       { up, silent, open, accepted, refused } (the proxy is ready once this answers)
 */
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';
import { realpathSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';

export type DbProxy = { port: number; down(): void; silent(): void; up(): void; state(): ProxyState; close(): Promise<void> };
export type ProxyState = { up: boolean; silent: boolean; open: number; accepted: number; refused: number };

/** Listens on `port` (0: any free one) and forwards every connection to `target` while up. */
export function startDbProxy(target: { host: string; port: number }, port = 0): Promise<DbProxy> {
  let up = true;
  let silent = false;
  let accepted = 0;
  let refused = 0;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    if (!up) {
      refused++;
      client.destroy();
      return;
    }
    accepted++;
    if (silent) {
      // Held open, read and never answered.
      open.add(client);
      client.on('data', () => undefined);
      client.on('error', () => undefined);
      client.once('close', () => open.delete(client));
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair = [client, upstream];
    for (const socket of pair) {
      open.add(socket);
      socket.setNoDelay(true);
      // Either end closing or failing closes the other: the server's driver sees its connection end.
      socket.once('close', () => {
        open.delete(socket);
        for (const other of pair) other.destroy();
      });
      socket.on('error', () => undefined);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      if (!address || typeof address === 'string') return reject(new Error('the proxy has no port'));
      resolve({
        port: address.port,
        down() {
          up = false;
          for (const socket of open) socket.destroy();
          open.clear();
        },
        silent() {
          silent = true;
          for (const socket of open) {
            socket.unpipe();
            socket.on('data', () => undefined);
          }
        },
        up() {
          if (silent) {
            for (const socket of open) socket.destroy();
            open.clear();
          }
          up = true;
          silent = false;
        },
        state: () => ({ up, silent, open: open.size, accepted, refused }),
        close: () =>
          new Promise<void>((done) => {
            for (const socket of open) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** The control port's client, for the test: POST /down, POST /up, GET /. */
export async function controlProxy(controlUrl: string, action: 'down' | 'silent' | 'up' | 'state'): Promise<ProxyState> {
  const res = await fetch(`${controlUrl.replace(/\/+$/, '')}/${action === 'state' ? '' : action}`, {
    method: action === 'state' ? 'GET' : 'POST',
    signal: AbortSignal.timeout(5_000),
  });
  if (!res.ok) throw new Error(`the database proxy answered ${res.status} to ${action}`);
  return (await res.json()) as ProxyState;
}

async function main(): Promise<void> {
  const [host = '127.0.0.1', targetPort = '5432'] = (process.env.DB_PROXY_TARGET ?? '').split(':');
  const proxy = await startDbProxy({ host, port: Number(targetPort) }, Number(process.env.DB_PROXY_PORT ?? 0));
  const control = createHttpServer((req, res) => {
    if (req.method === 'POST' && req.url === '/down') proxy.down();
    else if (req.method === 'POST' && req.url === '/silent') proxy.silent();
    else if (req.method === 'POST' && req.url === '/up') proxy.up();
    else if (!(req.method === 'GET' && req.url === '/')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(proxy.state()));
  });
  control.listen(Number(process.env.DB_PROXY_CONTROL_PORT ?? 0), '127.0.0.1');
  // Stopped by the engine: whatever is still connected simply ends with the process.
  const quit = () => process.exit(0);
  process.once('SIGTERM', quit);
  process.once('SIGINT', quit);
}

// Run as a script (its real path: a checkout reached through a symlink must still start it).
if (import.meta.filename === realpathSync(resolvePath(process.argv[1] ?? '.'))) await main();
