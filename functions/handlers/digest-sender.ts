/**
 * Lambda entry point, hourly (EventBridge Scheduler): sends the digest to every subscriber whose
 * local digest hour has come, and whatever mail earlier runs left pending. It stops taking new
 * mail while there is still time to finish the one in hand; the outbox keeps the rest pending for
 * the next run. The outbox makes a retried run send nothing twice, so a run with failures is failed
 * as a whole: Lambda retries it, then it lands in the job's dead-letter queue.
 */
import type { Context } from 'aws-lambda';
import { runDigestJob } from '../app/digest/digest-job.js';
import { outboxFigures } from '../app/outbox/tally.js';
import { lambdaDeadline } from '../app/run-deadline.js';
import { OUTBOX_METRICS_SERVICE } from '../config/metric-names.js';
import { coldStart } from '../wiring/lambda.js';
import { scheduledInstant } from './scheduled-run.js';

const services = coldStart('digest-sender');

export async function handler(event: unknown, context: Context): Promise<{ due: number; sent: number }> {
  return services.invocation(context, async (metrics) => {
    const now = scheduledInstant(event, services.clock);
    const summary = await runDigestJob(services, now, lambdaDeadline(context));
    services.logger.info('digest cycle done', { ...summary, at: now.toISOString() });
    metrics.record(outboxFigures(summary.outbox), { service: OUTBOX_METRICS_SERVICE });
    if (summary.failed > 0) throw new Error(`digest cycle at ${now.toISOString()}: ${summary.failed} of ${summary.due} digests failed`);
    return { due: summary.due, sent: summary.sent };
  });
}
