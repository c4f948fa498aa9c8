/**
 * Lambda entry point, hourly (EventBridge Scheduler): sends the digest to every subscriber whose
 * local digest hour has come. Claims make a retried run send nothing twice, so a run with failed
 * sends is failed as a whole: Lambda retries it, then it lands in the job's dead-letter queue.
 */
import type { Context } from 'aws-lambda';
import { runDigestCycle } from '../app/digest/run-digest-cycle.js';
import { coldStart } from '../wiring/lambda.js';
import { DIGEST_SENDER_METRICS } from './published-metrics.js';
import { scheduledInstant } from './scheduled-run.js';

const services = coldStart('digest-sender');

export async function handler(event: unknown, context: Context): Promise<{ due: number; sent: number }> {
  return services.invocation(context, async (metrics) => {
    const now = scheduledInstant(event, services.clock);
    const summary = await runDigestCycle(services, now);
    services.logger.info('digest cycle done', { ...summary, at: now.toISOString() });
    metrics.count(summary, DIGEST_SENDER_METRICS);
    if (summary.failed > 0) throw new Error(`digest cycle at ${now.toISOString()}: ${summary.failed} of ${summary.due} digests failed`);
    return { due: summary.due, sent: summary.sent };
  });
}
