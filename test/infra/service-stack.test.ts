import { Capture, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRICS_NAMESPACE } from '../../functions/adapters/metrics.js';
import { loadConfig } from '../../functions/config/env.js';
import { metricService, OUTBOX_METRICS, OUTBOX_METRICS_SERVICE } from '../../functions/config/metric-names.js';
import { POLL_COMPANY_METRICS } from '../../functions/handlers/published-metrics.js';
import type { AfterviewFunction } from '../../lib/constructs/afterview-function.js';
import { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from '../../lib/constructs/afterview-function.js';
import { FAILING_SOURCES_THRESHOLD, POLL_METRICS } from '../../lib/constructs/operations.js';
import { MAX_RECEIVE_COUNT } from '../../lib/constructs/queue-consumer.js';
import { API_THROTTLE } from '../../lib/service-stack.js';
import { synthAfterview, type Synthesized } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthAfterview({ alarmEmail: 'ops@example.org', sender: 'news@example.org' });
});

type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Sid?: string; Condition?: Record<string, Record<string, unknown>> };

/** Every IAM statement attached to the function's role. */
function statementsOf(fn: AfterviewFunction): Statement[] {
  const roleId = s.logicalId(fn.role);
  const policies = s.serviceTemplate.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } });
  return Object.values(policies).flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement);
}

function actionsOf(fn: AfterviewFunction): string[] {
  return statementsOf(fn).flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]));
}

/** The function's resource properties as synthesized. */
function functionProps(fn: AfterviewFunction): Record<string, any> {
  const resources = s.serviceTemplate.findResources('AWS::Lambda::Function');
  return (resources[s.logicalId(fn.function)] as { Properties: Record<string, any> }).Properties;
}

const all = () =>
  [
    ['poll-planner', s.service.pollPlanner.fn],
    ['poll-company', s.service.pollCompany.fn],
    ['digest-sender', s.service.digestSender.fn],
    ['api', s.service.apiFunction],
    ['ses-events', s.service.sesEvents],
  ] as const;

describe('functions', () => {
  it('are five, each on the newest Node.js runtime, arm64, with explicit memory and timeout and active tracing', () => {
    s.serviceTemplate.resourceCountIs('AWS::Lambda::Function', 5);
    for (const [, fn] of all()) {
      expect(functionProps(fn)).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: expect.any(Number),
        Timeout: expect.any(Number),
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: s.logicalId(fn.logGroup) } },
      });
    }
  });

  it('each log to their own log group, kept for a month', () => {
    const groups = s.serviceTemplate.findResources('AWS::Logs::LogGroup');
    const own = all().map(([name, fn]) => [name, groups[s.logicalId(fn.logGroup)]] as const);
    for (const [name, group] of own) {
      expect(group, name).toMatchObject({ Properties: { RetentionInDays: 30 }, DeletionPolicy: 'Delete' });
    }
    expect(new Set(all().map(([, fn]) => s.logicalId(fn.logGroup))).size).toBe(5);
  });

  it('get the environment functions/config/env.ts validates, marked as running on AWS', () => {
    const mailers = ['poll-company', 'digest-sender', 'api'];
    for (const [name, fn] of all()) {
      const env = functionProps(fn).Environment.Variables as Record<string, unknown>;
      expect(env).toMatchObject({
        AFTERVIEW_RUNTIME: 'aws',
        LOG_LEVEL: 'INFO',
        AFTERVIEW_TABLE_NAME: { 'Fn::ImportValue': expect.stringContaining('AfterviewTable') },
        AFTERVIEW_PUBLIC_URL: { 'Fn::GetAtt': [s.logicalId(s.service.api), 'ApiEndpoint'] },
      });
      if (mailers.includes(name)) {
        expect(env.AFTERVIEW_SENDER).toBe('afterview <news@example.org>');
        expect(env.AFTERVIEW_SES_CONFIGURATION_SET).toEqual({ 'Fn::ImportValue': expect.stringContaining('ConfigurationSet') });
      } else {
        expect(env.AFTERVIEW_SENDER).toBeUndefined();
      }
      expect(env.AFTERVIEW_POLL_QUEUE_URL !== undefined).toBe(name === 'poll-planner');
      // Every key is one the config loader knows: with tokens replaced by sample values it loads.
      const sample = Object.fromEntries(
        Object.entries(env).map(([k, v]) => [k, typeof v === 'string' ? v : k.endsWith('_URL') ? 'https://example.org/x' : 'afterview-sample']),
      );
      expect(() => loadConfig({ ...sample, AWS_REGION: 'eu-west-1' })).not.toThrow();
    }
  });
});

describe('schedules', () => {
  it('run the poll planner and the digest sender every hour, with the scheduled time as input', () => {
    const expressions = new Capture();
    s.serviceTemplate.resourceCountIs('AWS::Scheduler::Schedule', 2);
    for (const job of [s.service.pollPlanner, s.service.digestSender]) {
      s.serviceTemplate.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: expressions,
        FlexibleTimeWindow: { Mode: 'OFF' },
        State: 'ENABLED',
        Target: Match.objectLike({
          Arn: { 'Fn::GetAtt': [s.logicalId(job.fn.function), 'Arn'] },
          Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
        }),
      });
    }
    const hourly = /^cron\((\d{1,2}) \* \* \* \? \*\)$/;
    expect(expressions.asString()).toMatch(hourly);
    expressions.next();
    expect(expressions.asString()).toMatch(hourly);
  });

  it('retry failed deliveries and keep the ones they give up on in the job\'s dead-letter queue', () => {
    for (const job of [s.service.pollPlanner, s.service.digestSender]) {
      s.serviceTemplate.hasResourceProperties('AWS::Scheduler::Schedule', {
        Target: Match.objectLike({
          Arn: { 'Fn::GetAtt': [s.logicalId(job.fn.function), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 1800 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [s.logicalId(job.deadLetterQueue), 'Arn'] } },
        }),
      });
    }
  });

  it('send runs that fail after Lambda\'s own retries to the same dead-letter queue', () => {
    const asyncJobs = [
      [s.service.pollPlanner.fn, s.service.pollPlanner.deadLetterQueue],
      [s.service.digestSender.fn, s.service.digestSender.deadLetterQueue],
      [s.service.sesEvents, s.service.sesEventsDeadLetters],
    ] as const;
    s.serviceTemplate.resourceCountIs('AWS::Lambda::EventInvokeConfig', asyncJobs.length);
    for (const [fn, dlq] of asyncJobs) {
      s.serviceTemplate.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: s.logicalId(fn.function) },
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [s.logicalId(dlq), 'Arn'] } } },
      });
    }
  });
});

describe('the poll queue', () => {
  it('is encrypted, TLS-only, with a visibility timeout at least six times the consumer timeout', () => {
    const timeout = functionProps(s.service.pollCompany.fn).Timeout as number;
    const visibility = new Capture();
    s.serviceTemplate.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: Match.absent(),
      SqsManagedSseEnabled: true,
      VisibilityTimeout: visibility,
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [s.logicalId(s.service.pollCompany.deadLetterQueue), 'Arn'] },
        maxReceiveCount: MAX_RECEIVE_COUNT,
      },
    });
    expect(visibility.asNumber()).toBeGreaterThanOrEqual(6 * timeout);
    s.serviceTemplate.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: s.logicalId(s.service.pollCompany.queue) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('feeds poll-company in small batches with partial batch responses', () => {
    s.serviceTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: s.logicalId(s.service.pollCompany.fn.function) },
      EventSourceArn: { 'Fn::GetAtt': [s.logicalId(s.service.pollCompany.queue), 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: Match.anyValue(),
      ScalingConfig: { MaximumConcurrency: Match.anyValue() },
    });
  });

  it('has dead-letter queues that are all encrypted and keep messages two weeks', () => {
    for (const dlq of [s.service.pollCompany.deadLetterQueue, s.service.pollPlanner.deadLetterQueue, s.service.digestSender.deadLetterQueue, s.service.sesEventsDeadLetters]) {
      const props = (s.serviceTemplate.findResources('AWS::SQS::Queue')[s.logicalId(dlq)] as { Properties: Record<string, unknown> }).Properties;
      expect(props).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86_400 });
    }
  });
});

describe('grants: each function gets only what it uses', () => {
  const mailActions = ['ses:SendEmail'];

  it('no function may Scan or reach the table with a wildcard', () => {
    for (const [, fn] of all()) {
      expect(actionsOf(fn)).not.toContain('dynamodb:Scan');
      expect(JSON.stringify(statementsOf(fn))).not.toMatch(/index\/\*/);
    }
  });

  it('the poll planner queries the poll index and sends to the poll queue, and cannot write the table or send mail', () => {
    const actions = actionsOf(s.service.pollPlanner.fn);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'sqs:SendMessage']));
    for (const a of [...TABLE_WRITE_ACTIONS, 'dynamodb:GetItem', ...mailActions, 'sqs:ReceiveMessage']) expect(actions).not.toContain(a);
    const sends = statementsOf(s.service.pollPlanner.fn).filter((st) => [st.Action].flat().includes('sqs:SendMessage'));
    expect(sends.map((st) => st.Resource)).toEqual(
      expect.arrayContaining([{ 'Fn::GetAtt': [s.logicalId(s.service.pollCompany.queue), 'Arn'] }]),
    );
  });

  it('poll-company consumes the queue, reads and writes the table, sends mail, and cannot send to the queue', () => {
    const actions = actionsOf(s.service.pollCompany.fn);
    expect(actions).toEqual(expect.arrayContaining([...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS, ...mailActions, 'sqs:ReceiveMessage', 'sqs:DeleteMessage']));
    expect(actions).not.toContain('sqs:SendMessage');
  });

  it('the digest sender reads and writes the table and sends mail, with no queue access but its failure queue', () => {
    const actions = actionsOf(s.service.digestSender.fn);
    expect(actions).toEqual(expect.arrayContaining([...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS, ...mailActions]));
    expect(actions).not.toContain('sqs:ReceiveMessage');
    const sqsResources = statementsOf(s.service.digestSender.fn)
      .filter((st) => [st.Action].flat().some((a) => a.startsWith('sqs:')))
      .map((st) => st.Resource);
    expect(sqsResources).toEqual([{ 'Fn::GetAtt': [s.logicalId(s.service.digestSender.deadLetterQueue), 'Arn'] }]);
  });

  it('the API reads and writes the table and sends mail, and has no SQS permission at all', () => {
    const actions = actionsOf(s.service.apiFunction);
    expect(actions).toEqual(expect.arrayContaining([...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS, ...mailActions]));
    expect(actions.filter((a) => a.startsWith('sqs:'))).toEqual([]);
  });

  it('the SES event handler only writes suppressions: no reads, no mail', () => {
    const actions = actionsOf(s.service.sesEvents);
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual(['dynamodb:PutItem']);
    for (const a of [...TABLE_READ_ACTIONS, ...mailActions]) expect(actions).not.toContain(a);
  });

  it('mail may be sent only from the sender identity through the configuration set', () => {
    const identity = s.logicalId(s.data.senderIdentity);
    const configurationSet = s.logicalId(s.data.configurationSet);
    for (const fn of [s.service.pollCompany.fn, s.service.digestSender.fn, s.service.apiFunction]) {
      const mail = statementsOf(fn).filter((st) => [st.Action].flat().includes('ses:SendEmail'));
      expect(mail).toHaveLength(1);
      const resources = JSON.stringify(mail[0]!.Resource);
      expect(resources).toContain(':identity/');
      expect(resources).toContain(identity);
      expect(resources).toContain(':configuration-set/');
      expect(resources).toContain(configurationSet);
      expect(resources).not.toContain('"*"');
    }
  });

  it('uses "*" only for X-Ray and, where mail is sent, for reading the send quota: neither has a narrower resource', () => {
    const sendsMail = new Set<AfterviewFunction>([s.service.pollCompany.fn, s.service.digestSender.fn, s.service.apiFunction]);
    for (const [, fn] of all()) {
      const star = statementsOf(fn).filter((st) => st.Resource === '*');
      expect(star.flatMap((st) => [st.Action].flat()).sort()).toEqual(
        ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', ...(sendsMail.has(fn) ? ['ses:GetAccount'] : [])].sort(),
      );
    }
  });

  it('with a send rate in context, the functions keep to it and need not read the quota', () => {
    const fixed = synthAfterview({ sendRate: '14' });
    for (const fn of [fixed.service.pollCompany.fn, fixed.service.digestSender.fn, fixed.service.apiFunction]) {
      expect(fn.environment.AFTERVIEW_SEND_RATE).toBe('14');
    }
    expect(JSON.stringify(fixed.serviceTemplate.findResources('AWS::IAM::Policy'))).not.toContain('ses:GetAccount');
    expect(s.service.digestSender.fn.environment.AFTERVIEW_SEND_RATE).toBeUndefined();
  });

  it('attaches no AWS managed policy to any function role', () => {
    for (const [, fn] of all()) {
      const role = s.serviceTemplate.findResources('AWS::IAM::Role')[s.logicalId(fn.role)] as { Properties: Record<string, unknown> };
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('the HTTP API', () => {
  it('sends every request to the API function, with no CORS (the web app is same-origin)', () => {
    s.serviceTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', CorsConfiguration: Match.absent() });
    s.serviceTemplate.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    s.serviceTemplate.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [s.logicalId(s.service.apiFunction.function), 'Arn'] },
    });
  });

  it('throttles the default stage and writes JSON access logs without query strings', () => {
    const format = new Capture();
    s.serviceTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: API_THROTTLE.rateLimit, ThrottlingBurstLimit: API_THROTTLE.burstLimit },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] }, Format: format },
    });
    const fields = JSON.parse(format.asString()) as Record<string, string>;
    expect(fields).toMatchObject({ requestId: '$context.requestId', status: '$context.status', path: '$context.path' });
    expect(Object.values(fields).join(' ')).not.toMatch(/querystring|\$context\.(routeKey|requestOverride)/i);
  });
});

describe('SES bounces and complaints', () => {
  it('reach the SES event handler through a rule on this configuration set\'s events only, with retries and a DLQ', () => {
    s.serviceTemplate.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: Match.absent(),
      EventPattern: {
        source: ['aws.ses'],
        'detail-type': ['Email Bounced', 'Email Complaint Received'],
        detail: { mail: { tags: { 'ses:configuration-set': [{ 'Fn::ImportValue': Match.stringLikeRegexp('ConfigurationSet') }] } } },
      },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [s.logicalId(s.service.sesEvents.function), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [s.logicalId(s.service.sesEventsDeadLetters), 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 6 * 3600 },
        }),
      ],
    });
  });
});

describe('alarms', () => {
  const alarms = () => Object.values(s.serviceTemplate.findResources('AWS::CloudWatch::Alarm')) as { Properties: Record<string, any> }[];

  it('go to one topic that emails the operator and accepts TLS only', () => {
    s.serviceTemplate.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
    const topic = { Ref: s.logicalId(s.service.operations.topic) };
    for (const alarm of alarms()) {
      expect(alarm.Properties.AlarmActions).toEqual([topic]);
      expect(alarm.Properties.OKActions).toEqual([topic]);
    }
    s.serviceTemplate.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('watch errors and throttles of every function', () => {
    for (const [, fn] of all()) {
      for (const metric of ['Errors', 'Throttles']) {
        s.serviceTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/Lambda',
          MetricName: metric,
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: s.logicalId(fn.function) } }],
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        });
      }
    }
  });

  it('fire on the first message in any dead-letter queue', () => {
    for (const dlq of [s.service.pollCompany.deadLetterQueue, s.service.pollPlanner.deadLetterQueue, s.service.digestSender.deadLetterQueue, s.service.sesEventsDeadLetters]) {
      s.serviceTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [s.logicalId(dlq), 'QueueName'] } }],
        Threshold: 1,
      });
    }
  });

  it('warn before SES reviews the account (5% bounces, 0.1% complaints)', () => {
    const bounce = new Capture();
    const complaint = new Capture();
    s.serviceTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/SES', MetricName: 'Reputation.BounceRate', Threshold: bounce });
    s.serviceTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/SES', MetricName: 'Reputation.ComplaintRate', Threshold: complaint });
    expect(bounce.asNumber()).toBeLessThan(0.05);
    expect(bounce.asNumber()).toBeGreaterThan(0.02);
    expect(complaint.asNumber()).toBeLessThan(0.001);
    expect(complaint.asNumber()).toBeGreaterThan(0.0005);
  });

  it('fire when more than a fifth of an hour\'s feed requests fail or are refused, from the counts poll-company publishes', () => {
    const metrics = new Capture();
    s.serviceTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: FAILING_SOURCES_THRESHOLD,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      Metrics: metrics,
    });
    expect(FAILING_SOURCES_THRESHOLD).toBe(0.2);
    const queries = metrics.asArray() as Array<{ Id: string; Expression?: string; ReturnData?: boolean; MetricStat?: { Metric: Record<string, unknown>; Period: number; Stat: string } }>;
    const expression = queries.find((q) => q.Expression);
    expect(expression).toMatchObject({ ReturnData: true, Expression: 'IF(requests > 0, (FILL(failures, 0) + FILL(throttled, 0)) / requests, 0)' });
    const counts = queries.filter((q) => q.MetricStat);
    expect(counts.map((q) => q.Id).sort()).toEqual(['failures', 'requests', 'throttled']);
    for (const q of counts) {
      expect(q.MetricStat).toEqual({
        Metric: { Namespace: METRICS_NAMESPACE, MetricName: q.Id, Dimensions: [{ Name: 'service', Value: 'afterview-poll-company' }] },
        Period: 3600,
        Stat: 'Sum',
      });
      // The function publishes every count the alarm reads.
      expect(POLL_COMPANY_METRICS).toContain(q.Id);
    }
    expect(POLL_METRICS.namespace).toBe(METRICS_NAMESPACE);
  });

  it('watch the outbox: mail pending for more than two hours, and mail dropped or refused, whichever function sends it', () => {
    const dimensions = [{ Name: 'service', Value: metricService(OUTBOX_METRICS_SERVICE) }];
    s.serviceTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: METRICS_NAMESPACE,
      MetricName: OUTBOX_METRICS.stalePending,
      Dimensions: dimensions,
      Period: 3600,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    const metrics = new Capture();
    s.serviceTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', { Metrics: metrics, Threshold: 1 });
    const watched = (metrics.asArray() as Array<{ MetricStat?: { Metric: { MetricName: string; Namespace: string; Dimensions: unknown } } }>)
      .filter((m) => m.MetricStat)
      .map((m) => m.MetricStat!.Metric);
    expect(watched.map((m) => m.MetricName).sort()).toEqual([OUTBOX_METRICS.dropped, OUTBOX_METRICS.refused].sort());
    for (const m of watched) expect(m).toMatchObject({ Namespace: METRICS_NAMESPACE, Dimensions: dimensions });
  });

  it('read every custom metric the functions publish: none is published (and paid for) that no alarm reads', () => {
    type Metric = { Namespace?: string; MetricName?: string; Dimensions?: Array<{ Name: string; Value: string }> };
    const read = alarms().flatMap((a) => [
      a.Properties as Metric,
      ...((a.Properties.Metrics ?? []) as Array<{ MetricStat?: { Metric: Metric } }>).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : [])),
    ]);
    const custom = read
      .filter((m) => m.Namespace === METRICS_NAMESPACE)
      .map((m) => `${m.Dimensions?.find((d) => d.Name === 'service')?.Value}/${m.MetricName}`);
    const published = [
      ...POLL_COMPANY_METRICS.map((name) => `${metricService('poll-company')}/${name}`),
      ...Object.values(OUTBOX_METRICS).map((name) => `${metricService(OUTBOX_METRICS_SERVICE)}/${name}`),
    ];
    expect([...new Set(custom)].sort()).toEqual(published.sort());
  });

  it('are 19 in all: 2 per function, 1 per dead-letter queue, 2 for SES, 1 for failing news sources, 2 for the outbox', () => {
    expect(alarms()).toHaveLength(5 * 2 + 4 + 2 + 1 + 2);
  });
});
