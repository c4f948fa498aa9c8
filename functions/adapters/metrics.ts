import type { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE, metricService } from '../config/metric-names.js';

export { METRICS_NAMESPACE };

/** One figure a run reports under a metric name of its own (config/metric-names.ts). */
export interface Figure {
  name: string;
  count: number;
}

/** The counts one Lambda invocation reports, published in one EMF line when it ends. */
export interface CountMetrics {
  /** Adds the named fields of a summary as counts. */
  count<K extends string>(summary: Readonly<Record<K, number>>, names: readonly K[]): void;
  /**
   * Adds figures named elsewhere (e.g. the outbox's), under the function's own `service` dimension
   * or the one given (figures several functions publish as one metric).
   */
  record(figures: readonly Figure[], options?: { service?: string }): void;
  /** Writes what was counted (nothing when nothing was) and starts over. */
  publish(): void;
}

/**
 * Powertools Metrics: CloudWatch embedded metric format lines on stdout, which CloudWatch Logs
 * turns into metrics (no API call, no extra permission). Dimension: `service`, as in the logs
 * (`afterview-<function>`). A field counted twice in one invocation (two SQS messages) becomes two
 * data points, so a Sum over a period adds them.
 */
export function createMetrics(options: { service: string; logger: Logger }): CountMetrics {
  // One Metrics (one EMF line) per `service` dimension used, the function's own first.
  const byService = new Map<string, Metrics>();
  const metricsFor = (service: string) => {
    let metrics = byService.get(service);
    if (!metrics) {
      metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: metricService(service), logger: options.logger });
      byService.set(service, metrics);
    }
    return metrics;
  };
  metricsFor(options.service);
  return {
    count(summary, names) {
      const metrics = metricsFor(options.service);
      for (const name of names) metrics.addMetric(name, MetricUnit.Count, summary[name]);
    },
    record(figures, { service = options.service } = {}) {
      const metrics = metricsFor(service);
      for (const figure of figures) metrics.addMetric(figure.name, MetricUnit.Count, figure.count);
    },
    publish() {
      for (const metrics of byService.values()) if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    },
  };
}
