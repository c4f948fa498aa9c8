import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReadinessReport } from '../../app/ports.js';
import { keys } from './keys.js';

/** Ready when the table answers a read (and, when a local mail catcher is named, it answers too). */
export async function checkReadiness(db: DynamoDBDocumentClient, tableName: string, mailCatcherUrl?: string): Promise<ReadinessReport> {
  const problems: ReadinessReport['problems'] = [];
  await Promise.all([
    db
      .send(new GetCommand({ TableName: tableName, Key: keys.health() }))
      .catch((err: unknown) => problems.push({ part: 'table', problem: err instanceof Error ? err.message : String(err) })),
    mailCatcherUrl
      ? fetch(`${mailCatcherUrl}/health-check`, { signal: AbortSignal.timeout(2000) })
          .then((r) => {
            if (!r.ok) problems.push({ part: 'mail', problem: `mail catcher answered ${r.status}` });
          })
          .catch(() => problems.push({ part: 'mail', problem: 'mail catcher not reachable' }))
      : Promise.resolve(),
  ]);
  return { ok: problems.length === 0, problems };
}
