/**
 * Partial batch responses for SQS-triggered functions: each message is worked on independently;
 * only the ones that failed are reported back, so SQS redelivers just those.
 */
import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import type { Logger } from '../app/ports.js';

/**
 * Runs `work` for every record at once. A record whose error is `permanent` (redelivery cannot
 * fix it, e.g. a malformed body) is logged and dropped; any other failure is reported.
 */
export async function processBatch(
  records: readonly SQSRecord[],
  work: (record: SQSRecord) => Promise<void>,
  options: { logger: Pick<Logger, 'error'>; permanent?: (error: unknown) => boolean },
): Promise<SQSBatchResponse> {
  const results = await Promise.allSettled(records.map((record) => work(record)));
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') return;
    const { messageId } = records[i]!;
    const error = result.reason instanceof Error ? result.reason.message : String(result.reason);
    if (options.permanent?.(result.reason)) {
      options.logger.error('message dropped: redelivery cannot fix it', { messageId, error });
      return;
    }
    options.logger.error('message failed; SQS will redeliver it', { messageId, error });
    batchItemFailures.push({ itemIdentifier: messageId });
  });
  return { batchItemFailures };
}
