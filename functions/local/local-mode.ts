/**
 * Local mode: the whole product on one machine — local DynamoDB (data on disk), the mail catcher
 * with its inbox, the API, and the scheduler — with no AWS account.
 */
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { Config } from '../config/env.js';
import { createHttpApp } from '../wiring/http-app.js';
import { createLocalServices } from '../wiring/local.js';
import { localJobs } from './jobs.js';
import { acquireLock, prepareDataDir } from './lock.js';
import { startScheduler } from './scheduler.js';
import { closeServer, listenOnLoopback, startLocalServers } from './servers.js';

export interface RunningLocalMode {
  config: Config;
  stop(): Promise<void>;
}

async function listenApi(app: ReturnType<typeof createHttpApp>, port: number): Promise<Server> {
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await listenOnLoopback(server, port, 'API', 'PORT');
  return server;
}

export interface LocalModeOptions {
  /** Suggest `npm run demo` when the data folder is empty (default true; the demo itself says no). */
  offerDemo?: boolean;
  /** Run the poll and digest a few seconds after start (default true; the demo runs them itself). */
  runJobsAtStart?: boolean;
  /**
   * Start the hourly schedule only once this settles (the demo's own poll and digest): a scheduled
   * run at the top of the hour must not race them — a digest sent before the demo's poll stored
   * its news, or a poll holding the hour's feeds while the demo's digest goes out without them.
   */
  scheduleAfter?: Promise<unknown>;
}

/** True when local mode has never stored anything in this data folder. */
async function isFreshDataDir(dataDir: string): Promise<boolean> {
  try {
    return (await readdir(join(dataDir, 'dynamodb'))).length === 0;
  } catch {
    return true;
  }
}

/** Starts everything and returns once the API is healthy. */
export async function startLocalMode(config: Config, out: Writable, options: LocalModeOptions = {}): Promise<RunningLocalMode> {
  const dataDir = await prepareDataDir(config.dataDir);
  const fresh = (options.offerDemo ?? true) && (await isFreshDataDir(dataDir));
  const releaseLock = await acquireLock(dataDir, `http://127.0.0.1:${config.port}`);
  const cleanups: Array<() => Promise<void> | void> = [releaseLock];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const servers = await startLocalServers({ dynamodbPort: config.dynamodbPort, sesPort: config.sesPort, dataDir });
    cleanups.push(() => servers.stop());
    const services = await createLocalServices(config, { service: 'local' });
    const app = createHttpApp(services);
    const api = await listenApi(app, config.port);
    cleanups.push(() => closeServer(api));
    if (config.schedule) {
      const atStart = (options.runJobsAtStart ?? true) ? { runAtStartAfterMs: 3000 } : {};
      cleanups.push(startScheduler(localJobs(services), services.logger, { ...atStart, startAfter: options.scheduleAfter }));
    }
    out.write(
      [
        'afterview is running in local mode',
        `  Web app    ${config.publicUrl}/   (sign in by email: the link lands in the inbox below)`,
        `  API        ${config.publicUrl}   (GET /health; reference at ${config.publicUrl}/docs)`,
        `  Inbox      http://127.0.0.1:${config.sesPort}   (every email afterview sends lands here)`,
        `  DynamoDB   http://127.0.0.1:${config.dynamodbPort}   (data kept in ${dataDir})`,
        `  Scheduler  ${config.schedule ? 'news poll and digest every hour' : 'off (AFTERVIEW_SCHEDULE=off): run `npm run afterview -- poll --once` / `digest --once`'}`,
        ...(fresh ? ['Nothing here yet: stop this (Ctrl-C) and run `npm run demo` to see it with sample data (an alert and a digest in a minute, offline).'] : []),
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    return { config, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
