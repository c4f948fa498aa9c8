/**
 * The product's own CloudWatch metrics, named in one place: the handlers publish them (EMF log
 * lines) and the alarms (lib/constructs/operations.ts) watch them, so both read these names.
 */

export const METRICS_NAMESPACE = 'afterview';

/** Every metric carries the publishing function's service name, as its log lines do. */
export function metricService(service: string): string {
  return `afterview-${service}`;
}

/** What each mail run did with the outbox (app/outbox/outbox-sender.ts, OutboxTally). All counts. */
export const OUTBOX_METRICS = {
  sent: 'OutboxSent',
  leased: 'OutboxLeased',
  expired: 'OutboxExpiredLeases',
  retried: 'OutboxRetries',
  pending: 'OutboxPending',
  stalePending: 'OutboxPendingOverTwoHours',
  dropped: 'OutboxDropped',
  refused: 'OutboxRefused',
  suppressed: 'OutboxSuppressed',
} as const;
