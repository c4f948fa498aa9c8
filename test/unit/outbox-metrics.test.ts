/**
 * The outbox's figures as the sending functions publish them: the same namespace, names and
 * dimension the alarms watch (lib/constructs/operations.ts), as one CloudWatch EMF log line — only
 * the figures an alarm reads, under one `service` whichever function sends.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../functions/adapters/logger.js';
import { createMetrics } from '../../functions/adapters/metrics.js';
import { emptyTally, outboxFigures } from '../../functions/app/outbox/tally.js';
import { METRICS_NAMESPACE, metricService, OUTBOX_METRICS, OUTBOX_METRICS_SERVICE } from '../../functions/config/metric-names.js';

afterEach(() => vi.restoreAllMocks());

describe('outbox metrics', () => {
  it('are the figures the alarms read, and no others (each custom metric costs every month)', () => {
    const figures = outboxFigures({ ...emptyTally(), sent: 7, retried: 2, expired: 1, pending: 3, stalePending: 1, dropped: 1, refused: 2 });
    expect(Object.fromEntries(figures.map((f) => [f.name, f.count]))).toEqual({
      [OUTBOX_METRICS.stalePending]: 1,
      [OUTBOX_METRICS.dropped]: 1,
      [OUTBOX_METRICS.refused]: 2,
    });
  });

  it('are published as one EMF line with the namespace and the shared service dimension the alarms use', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const metrics = createMetrics({ service: 'digest-sender', logger: createLogger({ service: 'digest-sender' }) });
    metrics.record(outboxFigures({ ...emptyTally(), stalePending: 1 }), { service: OUTBOX_METRICS_SERVICE });
    metrics.publish();
    const emf = JSON.parse(lines.join('').trim()) as Record<string, unknown> & {
      _aws: { CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string }> }> };
    };
    const [directive] = emf._aws.CloudWatchMetrics;
    expect(directive!.Namespace).toBe(METRICS_NAMESPACE);
    expect(directive!.Dimensions).toEqual([['service']]);
    expect(emf.service).toBe(metricService(OUTBOX_METRICS_SERVICE));
    expect(directive!.Metrics.map((m) => m.Name)).toContain(OUTBOX_METRICS.stalePending);
    expect(emf[OUTBOX_METRICS.stalePending]).toBe(1);
  });
});
