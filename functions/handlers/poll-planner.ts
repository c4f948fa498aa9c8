/**
 * Lambda entry point, hourly (EventBridge Scheduler): plans the hour's polls and puts one message
 * per batch of scheduled feeds, and one per company with new or failing feeds, on the poll queue
 * for poll-company.
 */
import type { Context } from 'aws-lambda';
// Straight from the poll cycle: the planner needs neither the classifier nor the note writer.
import { planPolls } from '../app/poll/poll-cycle.js';
import { coldStart, pollQueueFor } from '../wiring/lambda.js';
import { scheduledInstant } from './scheduled-run.js';

const services = coldStart('poll-planner');
const queue = pollQueueFor(services, 'the poll planner');

export async function handler(event: unknown, context: Context): Promise<{ messages: number; sources: number }> {
  return services.invocation(context, async () => {
    const now = scheduledInstant(event, services.clock);
    const messages = await planPolls(services, now);
    await queue.enqueue(messages);
    const summary = { messages: messages.length, sources: messages.reduce((n, m) => n + m.sourceIds.length, 0) };
    services.logger.info('polls planned', { ...summary, at: now.toISOString() });
    return summary;
  });
}
