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
 * What each mail run did with the outbox (app/outbox/tally.ts), as counts. Only what an alarm or
 * a dashboard needs is a metric (each costs a little every month); the rest of the tally is in
 * the run's summary log line.
 */
export const OUTBOX_METRICS = {
  sent: 'OutboxSent',
  pending: 'OutboxPending',
  stalePending: 'OutboxPendingOverTwoHours',
  dropped: 'OutboxDropped',
  refused: 'OutboxRefused',
} as const;
