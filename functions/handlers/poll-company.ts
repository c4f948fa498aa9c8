/**
 * Lambda entry point for the poll queue (SQS): each message is one batch of the hour's scheduled
 * sources, or one company's new or failing sources, polled with the same use cases local mode
 * runs. A message that fails is reported alone (partial batch response), so SQS redelivers only
 * it; after three receives it goes to the dead-letter queue. Near the invocation's end a poll
 * starts no new company and gives back what it did not get to; its message is reported failed, so
 * SQS delivers it again and the rest is polled then.
 */
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { pollBatch, pollDepsFrom, pollSources, type PollSummary } from '../app/poll/index.js';
import { BadPollMessageError, isBatchMessage, parsePollMessage } from '../app/poll/poll-message.js';
import { outboxFigures } from '../app/outbox/tally.js';
import { lambdaDeadline } from '../app/run-deadline.js';
import { OUTBOX_METRICS_SERVICE } from '../config/metric-names.js';
import { coldStart, type InvocationMetrics } from '../wiring/lambda.js';
import { POLL_COMPANY_METRICS } from './published-metrics.js';
import { processBatch } from './sqs-batch.js';

const services = coldStart('poll-company');
const deps = pollDepsFrom(services);

function report(metrics: InvocationMetrics, summary: PollSummary): void {
  metrics.count(summary, POLL_COMPANY_METRICS);
  metrics.record(outboxFigures(summary.outbox), { service: OUTBOX_METRICS_SERVICE });
  if (summary.notReached > 0) throw new Error(`stopped before polling ${summary.notReached} companies; they are polled when the message comes again`);
}

export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  return services.invocation(context, async (metrics) => {
    const now = services.clock.now();
    const deadline = lambdaDeadline(context);
    return processBatch(
      event.Records,
      async (record) => {
        const message = parsePollMessage(record.body);
        if (isBatchMessage(message)) {
          const summary = await pollBatch(deps, message.batch, message.sourceIds, now, deadline);
          services.logger.info('batch polled', { slot: message.batch.slot, batch: message.batch.index, ...summary });
          report(metrics, summary);
        } else {
          const summary = await pollSources(deps, message.sourceIds, now, deadline);
          services.logger.info('company polled', { companyKey: message.companyKey, ...summary });
          report(metrics, summary);
        }
      },
      { logger: services.logger, permanent: (err) => err instanceof BadPollMessageError },
    );
  });
}
