/**
 * The summary counts the Lambda functions publish as CloudWatch metrics (namespace "afterview",
 * dimension `service` = `afterview-<function>`; lib/constructs/operations.ts alarms on them).
 * Every count of a summary is in its log line already; a metric is kept only for what an alarm
 * reads, since each custom metric costs $0.30 a month whatever the number of users. (The outbox's
 * figures, which every sending function publishes, are in config/metric-names.ts.)
 */
import type { PollSummary } from '../app/poll/index.js';

/**
 * Feed requests, the ones that failed and the ones refused for now (429/503: how a blocked source
 * answers): what the failing-sources alarm divides.
 */
export const POLL_COMPANY_METRICS = ['requests', 'failures', 'throttled'] as const satisfies readonly (keyof PollSummary)[];
