/**
 * The stateless stack: functions, their triggers, the HTTP API and the alarms. It can be
 * destroyed and redeployed at will; the data lives in the data stack and comes in as props.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IConfigurationSet, IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import type { DeploymentConfig } from './config.js';
import { AfterviewFunction, type MailSending } from './constructs/afterview-function.js';
import { deadLetterQueue } from './constructs/dead-letter-queue.js';
import { Operations } from './constructs/operations.js';
import { QueueConsumer } from './constructs/queue-consumer.js';
import { ScheduledJob } from './constructs/scheduled-job.js';

/** Stage-wide limits; per-subscriber limits are the API's own (functions/api). */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/** Props of {@link ServiceStack}. */
export interface ServiceStackProps extends StackProps {
  table: ITable;
  /** The link-signing keys (the data stack's secret): read by the functions that sign or verify links. */
  linkSigningKey: ISecret;
  configurationSet: IConfigurationSet;
  senderIdentity: IEmailIdentity;
  sandboxRecipients: IEmailIdentity[];
  config: Pick<DeploymentConfig, 'sender' | 'alarmEmail' | 'publicUrl' | 'logLevel' | 'sendRate'>;
}

export class ServiceStack extends Stack {
  readonly api: apigw.HttpApi;
  readonly pollPlanner: ScheduledJob;
  readonly pollCompany: QueueConsumer;
  readonly digestSender: ScheduledJob;
  readonly apiFunction: AfterviewFunction;
  readonly sesEvents: AfterviewFunction;
  readonly sesEventsDeadLetters: ReturnType<typeof deadLetterQueue>;
  readonly operations: Operations;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { table, config } = props;

    // The API exists before its function so every function can put the API's URL in its links;
    // the route that needs the function is added below.
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'afterview API',
      createDefaultStage: false,
    });
    const publicUrl = config.publicUrl ?? this.api.apiEndpoint;
    const common = { publicUrl, logLevel: config.logLevel };
    const mail: MailSending = {
      identity: props.senderIdentity,
      configurationSet: props.configurationSet,
      sender: config.sender,
      sandboxRecipients: props.sandboxRecipients,
      sendRate: config.sendRate,
    };

    this.pollCompany = new QueueConsumer(this, 'PollCompany', {
      function: {
        ...common,
        handler: 'poll-company',
        description: 'Polls the feeds of the companies in each message; sends alerts',
        // A message's feeds are fetched with a 20 s cap each (functions/adapters/http/safe-fetch.ts).
        timeout: Duration.seconds(120),
        memorySize: 512,
      },
      batchSize: 5,
      maxConcurrency: 5,
    });
    // Alerts carry signed links (stop watching, not relevant, unsubscribe).
    this.pollCompany.fn.bindTable(table).bindMailer(mail).bindLinkKeys(props.linkSigningKey);

    this.pollPlanner = new ScheduledJob(this, 'PollPlanner', {
      // At :45, so news found in the hour is in the table before the digests at :00.
      schedule: scheduler.ScheduleExpression.cron({ minute: '45' }),
      function: {
        ...common,
        handler: 'poll-planner',
        description: 'Hourly: lists the feeds due for a poll and queues them',
        timeout: Duration.seconds(60),
        memorySize: 256,
      },
    });
    this.pollPlanner.fn.bindTable(table).bindPollQueue(this.pollCompany.queue);

    this.digestSender = new ScheduledJob(this, 'DigestSender', {
      schedule: scheduler.ScheduleExpression.cron({ minute: '0' }),
      function: {
        ...common,
        handler: 'digest-sender',
        description: 'Hourly: sends the digest to subscribers whose local digest hour has come',
        timeout: Duration.minutes(5),
        memorySize: 512,
      },
    });
    this.digestSender.fn.bindTable(table).bindMailer(mail).bindLinkKeys(props.linkSigningKey);

    this.apiFunction = new AfterviewFunction(this, 'ApiHandler', {
      ...common,
      handler: 'api',
      description: 'The HTTP API (one Hono router)',
      timeout: Duration.seconds(10),
      memorySize: 512,
    });
    // Confirmation and sign-in mail are sent from the API; it verifies the links people click.
    this.apiFunction.bindTable(table).bindMailer(mail).bindLinkKeys(props.linkSigningKey);
    this.addApiStage();

    this.sesEventsDeadLetters = deadLetterQueue(this, 'SesEventsDeadLetters');
    this.sesEvents = new AfterviewFunction(this, 'SesEvents', {
      ...common,
      handler: 'ses-events',
      description: 'Suppresses addresses that bounced hard or complained',
      timeout: Duration.seconds(30),
      memorySize: 256,
      asyncFailures: { queue: this.sesEventsDeadLetters, retryAttempts: 2, maxEventAge: Duration.hours(6) },
    });
    this.sesEvents.bindTable(table);
    new events.Rule(this, 'SesBouncesAndComplaints', {
      description: 'SES bounces and complaints of afterview mail → ses-events',
      eventPattern: {
        source: ['aws.ses'],
        detailType: ['Email Bounced', 'Email Complaint Received'],
        // Only this product's mail: other configuration sets in the account publish here too.
        detail: { mail: { tags: { 'ses:configuration-set': [props.configurationSet.configurationSetName] } } },
      },
      targets: [
        new eventTargets.LambdaFunction(this.sesEvents.function, {
          deadLetterQueue: this.sesEventsDeadLetters,
          retryAttempts: 4,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });

    this.operations = new Operations(this, 'Operations', { alarmEmail: config.alarmEmail });
    const watched: [string, AfterviewFunction][] = [
      ['PollPlanner', this.pollPlanner.fn],
      ['PollCompany', this.pollCompany.fn],
      ['DigestSender', this.digestSender.fn],
      ['Api', this.apiFunction],
      ['SesEvents', this.sesEvents],
    ];
    for (const [name, fn] of watched) this.operations.watchFunction(name, fn.function);
    this.operations.watchDeadLetterQueue('PollPlannerDeadLetters', this.pollPlanner.deadLetterQueue);
    this.operations.watchDeadLetterQueue('PollQueueDeadLetters', this.pollCompany.deadLetterQueue);
    this.operations.watchDeadLetterQueue('DigestSenderDeadLetters', this.digestSender.deadLetterQueue);
    this.operations.watchDeadLetterQueue('SesEventsDeadLetters', this.sesEventsDeadLetters);
    this.operations.watchSesReputation();
    this.operations.watchFailingSources();
    // The outbox's figures, published by every run that sends from it (digest-sender, poll-company).
    this.operations.watchOutbox();

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.operations.topic.topicArn });
  }

  /** The `$default` stage with throttling and JSON access logs, and the catch-all route. */
  private addApiStage(): void {
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new apigw.HttpStage(this, 'ApiStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // The path but never the query string: emailed links carry their signed tokens there.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            sourceIp: '$context.identity.sourceIp',
          }),
        ),
      },
    });
    const route = new apigw.HttpRoute(this, 'ApiDefaultRoute', {
      httpApi: this.api,
      routeKey: apigw.HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('ApiIntegration', this.apiFunction.function),
    });
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The router authenticates: per-subscriber API tokens (only their hashes are stored) on every private route. Subscribing, confirming and the emailed one-click links must work without a token, so a gateway authorizer would stand in front of public routes too.',
    });
  }
}
