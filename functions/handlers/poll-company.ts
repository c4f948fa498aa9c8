/**
 * Lambda entry point for the poll queue (SQS): each message is one batch of the hour's scheduled
 * sources, or one company's new or failing sources, polled with the same use cases local mode
 * runs. A message that fails is reported alone (partial batch response), so SQS redelivers only
 * it; after three receives it goes to the dead-letter queue.
 */
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { pollBatch, pollDepsFrom, pollSources } from '../app/poll/index.js';
import { BadPollMessageError, isBatchMessage, parsePollMessage } from '../app/poll/poll-message.js';
import { coldStart } from '../wiring/lambda.js';
import { POLL_COMPANY_METRICS } from './published-metrics.js';
import { processBatch } from './sqs-batch.js';

const services = coldStart('poll-company');
const deps = pollDepsFrom(services);

export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  return services.invocation(context, async (metrics) => {
    const now = services.clock.now();
    return processBatch(
      event.Records,
      async (record) => {
        const message = parsePollMessage(record.body);
        if (isBatchMessage(message)) {
          const summary = await pollBatch(deps, message.batch, message.sourceIds, now);
          services.logger.info('batch polled', { slot: message.batch.slot, batch: message.batch.index, ...summary });
          metrics.count(summary, POLL_COMPANY_METRICS);
        } else {
          const summary = await pollSources(deps, message.sourceIds, now);
          services.logger.info('company polled', { companyKey: message.companyKey, ...summary });
          metrics.count(summary, POLL_COMPANY_METRICS);
        }
      },
      { logger: services.logger, permanent: (err) => err instanceof BadPollMessageError },
    );
  });
}
