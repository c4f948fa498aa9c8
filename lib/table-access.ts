/**
 * What each function may do inside the one table: which partitions (by the prefix of their key,
 * functions/adapters/dynamodb/keys.ts) it may read and write, with which actions, and which
 * indexes it may query. lib/constructs/afterview-function.ts turns this into IAM statements with
 * `dynamodb:LeadingKeys` conditions; test/integration/table-access.test.ts runs each function's
 * use cases against a recording proxy and fails when one touches anything not listed here.
 *
 * So when a use case starts touching a new kind of item, that test names the function and the
 * partition, and this table is where the grant is added.
 */
import { GSI1, GSI2, type Partition } from '../functions/adapters/dynamodb/keys.js';

export type HandlerName = 'poll-planner' | 'poll-company' | 'digest-sender' | 'api' | 'ses-events';

/** Reads the repositories make: item reads and queries, never Scan (hot paths query). */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const;
export type TableWriteAction = (typeof TABLE_WRITE_ACTIONS)[number];

export type IndexName = typeof GSI1.name | typeof GSI2.name;

export interface TableAccess {
  /** Partitions whose items it reads (GetItem, BatchGetItem, Query on the table). */
  reads: Partition[];
  /** Partitions whose items it writes. */
  writes: Partition[];
  /** The write actions it uses (all four unless narrower). */
  writeActions?: TableWriteAction[];
  /** The indexes it queries (Query only). */
  indexes: IndexName[];
}

export const TABLE_ACCESS: Record<HandlerName, TableAccess> = {
  // Lists the feed sources due (the poll index) and reads nothing else.
  'poll-planner': { reads: [], writes: [], indexes: [GSI1.name] },
  // Feed states and leases, the hour's batch leases, stories (written; read through the time
  // index, and one by one for an alert an earlier run left pending), and per subscriber: who
  // watches (index), their profile, companies, interviews and alert messages (the outbox, and its
  // due index); suppressions before each alert.
  'poll-company': {
    reads: ['source', 'pollSlot', 'news', 'subscriber', 'suppression'],
    writes: ['source', 'pollSlot', 'news', 'subscriber'],
    indexes: [GSI1.name, GSI2.name],
  },
  // Subscribers due and the companies' news (both through the time index; a story by its key for an
  // alert a poll left pending), each subscriber's partition (interviews, companies, claims, the
  // outbox), suppressions.
  'digest-sender': { reads: ['subscriber', 'news', 'suppression'], writes: ['subscriber'], indexes: [GSI1.name] },
  // Everything a person does: accounts, tokens, tickets and sessions, watched companies and their
  // sources and when they were last read (the hourly plans), news shown on the plan, throttling
  // windows; /health reads one key that never exists.
  api: {
    reads: ['subscriber', 'email', 'apiToken', 'ticket', 'source', 'pollSlot', 'news', 'suppression', 'health'],
    writes: ['subscriber', 'email', 'apiToken', 'ticket', 'source', 'rateWindow'],
    indexes: [GSI1.name],
  },
  // Bounces and complaints: puts suppressions, and nothing else — not even a read.
  'ses-events': { reads: [], writes: ['suppression'], writeActions: ['dynamodb:PutItem'], indexes: [] },
};
