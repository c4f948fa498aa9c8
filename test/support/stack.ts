/**
 * A fresh table on the shared test dynalite and a mailer on the shared mail catcher, for one test
 * file. Each call makes its own table so files running in parallel never see each other's data.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { createRepositories, type Repositories } from '../../functions/adapters/dynamodb/index.js';
import { ensureTable } from '../../functions/adapters/dynamodb/table.js';
import { SesMailer } from '../../functions/adapters/ses/mailer.js';
import type { LinkSigner } from '../../functions/app/ports.js';
import { HmacLinkSigner } from '../../functions/app/signed-links.js';
import { loadConfig, type Config } from '../../functions/config/env.js';
import { linkKeysFor } from '../../functions/wiring/services.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface TestStack {
  config: Config;
  client: DynamoDBDocumentClient;
  tableName: string;
  repos: Repositories;
  mailer: SesMailer;
  /** Signs links with the key file in this stack's own data folder (a fresh temporary one). */
  links: LinkSigner;
  sesEndpoint: string;
}

export async function createTestStack(env: Record<string, string> = {}): Promise<TestStack> {
  const dynamodbEndpoint = inject('dynamodbEndpoint');
  const sesEndpoint = inject('sesEndpoint');
  const tableName = `test-${randomUUID().slice(0, 8)}`;
  // A data folder of its own: the link-signing key file is created there, never in the repository.
  const dataDir = mkdtempSync(join(tmpdir(), 'afterview-test-'));
  const base = loadConfig({ AFTERVIEW_TABLE_NAME: tableName, AFTERVIEW_SCHEDULE: 'off', AFTERVIEW_DATA_DIR: dataDir, ...env });
  const config: Config = { ...base, dynamodbEndpoint, sesEndpoint };
  const client = createDocumentClient(config);
  await ensureTable(client, tableName);
  return {
    config,
    client,
    tableName,
    repos: createRepositories(client, tableName),
    mailer: new SesMailer(config),
    links: new HmacLinkSigner(linkKeysFor(config, 'test')),
    sesEndpoint,
  };
}

/** A sent email as the mail catcher's /store lists it. */
export interface CaughtEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  headers?: Array<{ name: string; value: string }>;
  at: number;
}

/** The mail the catcher holds for one address (tests use unique addresses, so files never collide). */
export async function mailTo(sesEndpoint: string, address: string): Promise<CaughtEmail[]> {
  const res = await fetch(`${sesEndpoint}/store`);
  const store = (await res.json()) as { emails: CaughtEmail[] };
  return store.emails.filter((e) => e.destination.to.some((t) => t.toLowerCase().includes(address.toLowerCase())));
}
