/**
 * The local stand-ins for AWS: dynalite (DynamoDB API, data on disk or in memory) and
 * aws-ses-v2-local (SES v2 API with a web inbox). Both bind to 127.0.0.1 only.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import dynalite from 'dynalite';
import sesModule from 'aws-ses-v2-local';

export interface LocalServers {
  dynamodbPort: number;
  sesPort: number;
  stop(): Promise<void>;
}

/** A port is taken, or another problem starting a server: one line a person can act on. */
export class LocalServerError extends Error {
  override name = 'LocalServerError';
}

export interface LocalServerOptions {
  dynamodbPort: number;
  sesPort: number;
  /** Where dynalite keeps its data; null keeps it in memory (tests). */
  dataDir: string | null;
}

/** Listens on 127.0.0.1:port, turning a taken or forbidden port into one line that names the variable to change. */
export async function listenOnLoopback(server: Server, port: number, what: string, variable: string): Promise<number> {
  server.listen(port, '127.0.0.1');
  try {
    await Promise.race([
      once(server, 'listening'),
      once(server, 'error').then(([err]) => {
        throw err;
      }),
    ]);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new LocalServerError(`port ${port} (${what}) is already in use; stop what uses it or set ${variable} to another port`);
    }
    if (code === 'EACCES') throw new LocalServerError(`not allowed to listen on port ${port} (${what}); set ${variable} to a port above 1024`);
    throw err;
  }
  return (server.address() as AddressInfo).port;
}

/** Closes a server, ending its kept-alive connections too. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
}

export async function startLocalServers(options: LocalServerOptions): Promise<LocalServers> {
  const db = dynalite({
    path: options.dataDir ? join(options.dataDir, 'dynamodb') : undefined,
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  const dynamodbPort = await listenOnLoopback(db, options.dynamodbPort, 'local DynamoDB', 'AFTERVIEW_DYNAMODB_PORT');
  let ses: Server;
  try {
    ses = await startSes(options.sesPort);
  } catch (err) {
    await closeServer(db);
    throw err;
  }
  return {
    dynamodbPort,
    sesPort: (ses.address() as AddressInfo).port,
    async stop() {
      await Promise.all([closeServer(ses), closeServer(db)]);
    },
  };
}

async function startSes(port: number): Promise<Server> {
  // The catcher listens itself; a port taken shows up as an 'error' event on its server.
  const probe = (await import('node:net')).createServer();
  await listenOnLoopback(probe as unknown as Server, port, 'local mail catcher', 'AFTERVIEW_SES_PORT');
  const chosen = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  // A CommonJS module whose server is its `default` export; loaders differ on unwrapping it.
  type StartSes = (config: { host: string; port: number }) => Promise<Server>;
  const loaded = sesModule as unknown as StartSes | { default: StartSes };
  const start = typeof loaded === 'function' ? loaded : loaded.default;
  return start({ host: '127.0.0.1', port: chosen });
}
