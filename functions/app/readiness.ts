import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Ready when the table answers a read (and, in local mode, the mail catcher answers). */
export async function checkReadiness(
  db: DynamoDBDocumentClient,
  tableName: string,
  mailCatcherUrl?: string,
): Promise<{ ok: boolean; problems: string[] }> {
  const problems: string[] = [];
  await Promise.all([
    db
      .send(new GetCommand({ TableName: tableName, Key: { PK: 'HEALTH', SK: 'HEALTH' } }))
      .catch((err: unknown) => problems.push(`table: ${err instanceof Error ? err.message : String(err)}`)),
    mailCatcherUrl
      ? fetch(`${mailCatcherUrl}/health-check`, { signal: AbortSignal.timeout(2000) })
          .then((r) => {
            if (!r.ok) problems.push(`mail catcher answered ${r.status}`);
          })
          .catch(() => problems.push('mail catcher not reachable'))
      : Promise.resolve(),
  ]);
  return { ok: problems.length === 0, problems };
}
