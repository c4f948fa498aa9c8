/**
 * The product's own CloudWatch metrics, named in one place: the handlers publish them (EMF log
 * lines) and the alarms (lib/constructs/operations.ts) watch them, so both read these names.
 */

export const METRICS_NAMESPACE = 'afterview';

/** Every metric carries the publishing function's service name, as its log lines do. */
export function metricService(service: string): string {
  return `afterview-${service}`;
}

/**
 * The outbox's figures an alarm reads (app/outbox/tally.ts): mail pending for more than two hours,
 * and mail ended unsent — dropped as too late, or refused by the mail service for good. Only what
 * an alarm reads is a metric (each custom metric costs $0.30 a month, whatever the number of
 * users); the rest of the tally is in each run's summary log line.
 *
 * Every function that sends mail from the outbox (digest-sender, poll-company) publishes them under
 * one `service` dimension, {@link OUTBOX_METRICS_SERVICE}: one metric each however many functions
 * send, and one alarm per figure watches them all; the runs' log lines say which function it was.
 */
export const OUTBOX_METRICS = {
  stalePending: 'OutboxPendingOverTwoHours',
  dropped: 'OutboxDropped',
  refused: 'OutboxRefused',
} as const;

/** The `service` the outbox's metrics are published under (as `afterview-outbox`), whoever sends. */
export const OUTBOX_METRICS_SERVICE = 'outbox';
