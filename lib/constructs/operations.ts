import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, metricService, OUTBOX_METRICS, OUTBOX_METRICS_SERVICE } from '../../functions/config/metric-names.js';

/**
 * SES puts an account under review at a 5% bounce rate and a 0.1% complaint rate; the alarms
 * fire a little earlier so there is time to act.
 */
export const SES_ALARM_THRESHOLDS = { bounceRate: 0.04, complaintRate: 0.0008 } as const;

/**
 * The poll's counts as the poll-company function publishes them (functions/handlers/
 * published-metrics.ts, Powertools Metrics: namespace, `service` dimension, one count per feed
 * request made, failed, or refused for now with 429/503 — how a blocked source answers).
 */
export const POLL_METRICS = {
  namespace: METRICS_NAMESPACE,
  service: metricService('poll-company'),
  requests: 'requests',
  failures: 'failures',
  throttled: 'throttled',
} as const;

/** The failing-sources alarm fires when more than this share of an hour's feed requests failed. */
export const FAILING_SOURCES_THRESHOLD = 0.2;

/** Props of {@link Operations}. */
export interface OperationsProps {
  /** Who gets the alarm emails; without it the topic has no subscriber. */
  alarmEmail?: string;
}

/**
 * The alarms and where they go: one SNS topic, emailed to the operator. Each alarm also
 * notifies when it returns to OK.
 */
export class Operations extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Alarms', { displayName: 'afterview alarms', enforceSSL: true });
    if (props.alarmEmail) {
      const subscription = this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
      Validations.of(subscription).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason: 'An alarm email that cannot be delivered has nowhere more useful to go; the alarm state stays visible in CloudWatch.',
      });
    }
    this.action = new SnsAction(this.topic);
  }

  private alarm(id: string, props: cloudwatch.AlarmProps): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, { treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING, ...props });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }

  /** Any error or throttle in five minutes. */
  watchFunction(name: string, fn: lambda.IFunction): void {
    const period = Duration.minutes(5);
    this.alarm(`${name}Errors`, {
      alarmDescription: `afterview ${name}: invocations failed`,
      metric: fn.metricErrors({ period, statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    this.alarm(`${name}Throttles`, {
      alarmDescription: `afterview ${name}: invocations throttled`,
      metric: fn.metricThrottles({ period, statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
  }

  /** A dead-letter queue should stay empty: one message means work was given up on. */
  watchDeadLetterQueue(name: string, queue: sqs.IQueue): void {
    this.alarm(`${name}Depth`, {
      alarmDescription: `afterview ${name}: messages in the dead-letter queue`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
  }

  /**
   * More than a fifth of the feed requests of an hour failed or were refused (the news search
   * blocking the function's addresses, a broken newsroom feed): one source failing never stops
   * the others, so without this a blocked news source would go unnoticed.
   */
  watchFailingSources(): void {
    const period = Duration.hours(1);
    const count = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: POLL_METRICS.namespace,
        metricName,
        dimensionsMap: { service: POLL_METRICS.service },
        period,
        statistic: cloudwatch.Stats.SUM,
      });
    this.alarm('FailingSources', {
      alarmDescription: `afterview news watch: more than ${FAILING_SOURCES_THRESHOLD * 100}% of the feed requests of the last hour failed or were refused`,
      metric: new cloudwatch.MathExpression({
        // An hour with no request is a rate of 0 (not 0/0); one with no data at all is not breaching.
        expression: 'IF(requests > 0, (FILL(failures, 0) + FILL(throttled, 0)) / requests, 0)',
        usingMetrics: {
          requests: count(POLL_METRICS.requests),
          failures: count(POLL_METRICS.failures),
          throttled: count(POLL_METRICS.throttled),
        },
        label: 'share of feed requests that failed',
        period,
      }),
      threshold: FAILING_SOURCES_THRESHOLD,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
  }

  /**
   * The outbox, as every function that sends from it reports it after each run (the digest-sender
   * and poll-company, under one `service` dimension: functions/config/metric-names.ts): mail pending
   * for more than two hours (runs keep failing to send it, or no run comes), and mail that will
   * never go out (dropped as too late, or refused by SES for good).
   */
  watchOutbox(): void {
    const metric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service: metricService(OUTBOX_METRICS_SERVICE) },
        period: Duration.hours(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      });
    this.alarm('OutboxPendingOverTwoHours', {
      alarmDescription: 'afterview outbox: mail has been pending for more than two hours (the digest-sender and poll-company logs say which)',
      metric: metric(OUTBOX_METRICS.stalePending),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    this.alarm('OutboxDropped', {
      alarmDescription: 'afterview outbox: mail dropped unsent (too late, or refused by SES)',
      metric: new cloudwatch.MathExpression({
        expression: 'dropped + refused',
        usingMetrics: {
          dropped: metric(OUTBOX_METRICS.dropped).with({ statistic: cloudwatch.Stats.SUM }),
          refused: metric(OUTBOX_METRICS.refused).with({ statistic: cloudwatch.Stats.SUM }),
        },
        period: Duration.hours(1),
        label: 'mail dropped or refused',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
  }

  /** The account's SES reputation, the figures SES itself reviews. */
  watchSesReputation(): void {
    const reputation = (metricName: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, period: Duration.minutes(15), statistic: cloudwatch.Stats.MAXIMUM });
    this.alarm('SesBounceRate', {
      alarmDescription: `afterview SES bounce rate at or above ${SES_ALARM_THRESHOLDS.bounceRate * 100}% (review at 5%)`,
      metric: reputation('Reputation.BounceRate'),
      threshold: SES_ALARM_THRESHOLDS.bounceRate,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    this.alarm('SesComplaintRate', {
      alarmDescription: `afterview SES complaint rate at or above ${SES_ALARM_THRESHOLDS.complaintRate * 100}% (review at 0.1%)`,
      metric: reputation('Reputation.ComplaintRate'),
      threshold: SES_ALARM_THRESHOLDS.complaintRate,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
  }
}
