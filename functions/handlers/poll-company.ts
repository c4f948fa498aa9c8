/**
 * Lambda entry point for the poll queue (SQS): each message is one batch of the hour's scheduled
 * sources, or one company's new or failing sources, polled with the same use cases local mode
 * runs. A message that fails is reported alone (partial batch response), so SQS redelivers only
 * it; after three receives it goes to the dead-letter queue. The messages share one outbox sender
 * (one alert mail in flight per invocation). Near the invocation's end a poll
 * starts no new company and gives back what it did not get to; its message is reported failed, so
 * SQS delivers it again and the rest is polled then.
 */
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { pollBatch, pollDepsFrom, pollSources, type PollSummary } from '../app/poll/index.js';
import { BadPollMessageError, isBatchMessage, parsePollMessage } from '../app/poll/poll-message.js';
import { OutboxSender } from '../app/outbox/outbox-sender.js';
import { outboxFigures } from '../app/outbox/tally.js';
import { lambdaDeadline } from '../app/run-deadline.js';
import { OUTBOX_METRICS_SERVICE } from '../config/metric-names.js';
import { coldStart, type InvocationMetrics } from '../wiring/lambda.js';
import { POLL_COMPANY_METRICS } from './published-metrics.js';
import { processBatch } from './sqs-batch.js';

const services = coldStart('poll-company');
const pollDeps = pollDepsFrom(services);

function report(metrics: InvocationMetrics, summary: PollSummary, polled: { any: boolean }): void {
  polled.any = true;
  metrics.count(summary, POLL_COMPANY_METRICS);
  if (summary.notReached > 0) throw new Error(`stopped before polling ${summary.notReached} companies; they are polled when the message comes again`);
}

export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  return services.invocation(context, async (metrics) => {
    const now = services.clock.now();
    const deadline = lambdaDeadline(context);
    // One sender for the invocation's messages: one mail in flight at a time, one send rate.
    const sender = new OutboxSender(pollDeps, { deadline });
    const deps = { ...pollDeps, sender };
    const polled = { any: false };
    const response = await processBatch(
      event.Records,
      async (record) => {
        const message = parsePollMessage(record.body);
        if (isBatchMessage(message)) {
          const summary = await pollBatch(deps, message.batch, message.sourceIds, now, deadline);
          services.logger.info('batch polled', { slot: message.batch.slot, batch: message.batch.index, ...summary });
          report(metrics, summary, polled);
        } else {
          const summary = await pollSources(deps, message.sourceIds, now, deadline);
          services.logger.info('company polled', { companyKey: message.companyKey, ...summary });
          report(metrics, summary, polled);
        }
      },
      { logger: services.logger, permanent: (err) => err instanceof BadPollMessageError },
    );
    if (polled.any) {
      services.logger.info('alert mail', { outbox: sender.tally });
      metrics.record(outboxFigures(sender.tally), { service: OUTBOX_METRICS_SERVICE });
    }
    return response;
  });
}
