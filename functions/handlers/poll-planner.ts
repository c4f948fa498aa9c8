/**
 * Lambda entry point, hourly (EventBridge Scheduler): lists the feeds due for a poll and puts
 * one message per company on the poll queue for poll-company.
 */
import type { Context } from 'aws-lambda';
// Straight from the poll cycle: the planner needs neither the classifier nor the note writer.
import { planPolls } from '../app/poll/poll-cycle.js';
import { coldStart, pollQueueFor } from '../wiring/lambda.js';
import { scheduledInstant } from './scheduled-run.js';

const services = coldStart('poll-planner');
const queue = pollQueueFor(services, 'the poll planner');

export async function handler(event: unknown, context: Context): Promise<{ companies: number; sources: number }> {
  return services.invocation(context, async () => {
    const now = scheduledInstant(event, services.clock);
    const batches = await planPolls(services, now);
    await queue.enqueue(batches);
    const summary = { companies: batches.length, sources: batches.reduce((n, b) => n + b.sourceIds.length, 0) };
    services.logger.info('polls planned', { ...summary, at: now.toISOString() });
    return summary;
  });
}
