/**
 * Starts the real local servers the integration tests talk to — dynalite and the SES-compatible
 * mail catcher — on free loopback ports, once for the whole run, and stops them afterwards. Builds
 * the command line first when its sources changed, so the tests that spawn it (test/support/cli.ts)
 * run the current code and never rebuild it at once from several processes.
 */
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startLocalServers, type LocalServers } from '../../functions/local/servers.js';
import { ensureBuilt } from '../../bin/build.mjs';

let servers: LocalServers | undefined;

export async function setup(project: TestProject): Promise<void> {
  await ensureBuilt();
  servers = await startLocalServers({ dynamodbPort: 0, sesPort: 0, dataDir: null });
  project.provide('dynamodbEndpoint', `http://127.0.0.1:${servers.dynamodbPort}`);
  project.provide('sesEndpoint', `http://127.0.0.1:${servers.sesPort}`);
}

export async function teardown(): Promise<void> {
  await servers?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    sesEndpoint: string;
  }
}
