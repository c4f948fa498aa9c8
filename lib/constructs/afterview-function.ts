import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IConfigurationSet, IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PARTITION, type Partition } from '../../functions/adapters/dynamodb/keys.js';
import { lambdaBundleAliases } from '../bundling/lambda-aliases.js';
import { TABLE_ACCESS, TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS, type HandlerName } from '../table-access.js';

export { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS, type HandlerName };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `dynamodb:LeadingKeys` limited to the partitions named. `ForAllValues` is true for an empty
 * set, so the `Null` check also requires the request to name its keys (item actions always do).
 */
function onlyPartitions(partitions: readonly Partition[]): Record<string, Record<string, unknown>> {
  const patterns = partitions.map((p) => (PARTITION[p].endsWith('#') ? `${PARTITION[p]}*` : PARTITION[p]));
  return {
    'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patterns },
    Null: { 'dynamodb:LeadingKeys': 'false' },
  };
}

/** The runtime every function uses: the newest Node.js Lambda offers (cdk-nag checks it). */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;

/**
 * The environment variables a function reads through functions/config/env.ts (`loadConfig`),
 * typed so the stack cannot set a name the code does not know.
 */
export interface FunctionEnvironment {
  AFTERVIEW_RUNTIME: 'aws';
  LOG_LEVEL: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Base of every link in emails (the HTTP API URL or a custom domain). */
  AFTERVIEW_PUBLIC_URL: string;
  AFTERVIEW_TABLE_NAME?: string;
  AFTERVIEW_SENDER?: string;
  AFTERVIEW_SES_CONFIGURATION_SET?: string;
  AFTERVIEW_POLL_QUEUE_URL?: string;
  /** Mails per second; unset, the function asks SES for the account's rate. */
  AFTERVIEW_SEND_RATE?: string;
  /** The Secrets Manager secret holding the link-signing keys (functions that sign or verify links). */
  AFTERVIEW_LINK_KEY_SECRET?: string;
}

/** What a mail-sending function needs: the verified identity, the configuration set, the From line. */
export interface MailSending {
  identity: IEmailIdentity;
  configurationSet: IConfigurationSet;
  /** `Name <address>` as the functions put it in From. */
  sender: string;
  /**
   * Recipient identities verified while SES is in the sandbox; there SES also authorizes the
   * send against each recipient's identity.
   */
  sandboxRecipients?: IEmailIdentity[];
  /** Mails per second each sending function keeps to; unset, the account's own rate (ses:GetAccount). */
  sendRate?: number;
}

/** Props of {@link AfterviewFunction}. */
export interface AfterviewFunctionProps {
  handler: HandlerName;
  description: string;
  timeout: Duration;
  memorySize: number;
  publicUrl: string;
  logLevel: FunctionEnvironment['LOG_LEVEL'];
  logRetention?: logs.RetentionDays;
  /**
   * For functions invoked asynchronously (schedules, events): where an invocation that still
   * fails after Lambda's own retries is recorded.
   */
  asyncFailures?: { queue: IQueue; retryAttempts: number; maxEventAge: Duration };
}

/**
 * One afterview Lambda function: Node.js on arm64, bundled and minified by esbuild with the AWS SDK
 * inside (it loads faster than the runtime's copy), its own log group with retention, its own
 * role with nothing but log writing and X-Ray until a `bind*` call grants what it uses.
 */
export class AfterviewFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  private readonly env: FunctionEnvironment;
  private readonly handler: HandlerName;

  constructor(scope: Construct, id: string, props: AfterviewFunctionProps) {
    super(scope, id);
    this.handler = props.handler;
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      // Logs are not the product's data; they go with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // A role of its own instead of the AWSLambdaBasicExecutionRole managed policy, whose
    // logs:CreateLogGroup on "*" this function does not need (its log group exists already).
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `afterview ${props.handler}`,
    });
    this.logGroup.grantWrite(this.role);

    this.env = {
      AFTERVIEW_RUNTIME: 'aws',
      LOG_LEVEL: props.logLevel,
      AFTERVIEW_PUBLIC_URL: props.publicUrl,
    };

    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(repoRoot, 'functions/handlers', `${props.handler}.ts`),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      timeout: props.timeout,
      memorySize: props.memorySize,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      environment: { ...this.env },
      bundling: {
        minify: true,
        target: 'node24',
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        // CommonJS dependencies inside an ES module bundle still call require() for builtins.
        banner: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
        bundleAwsSDK: true,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            ['node', path.join(inputDir, 'lib/bundling/after-bundling.mjs'), inputDir, outputDir, props.handler].map((a) => JSON.stringify(a)).join(' '),
          ],
        },
        esbuildArgs: {
          // Smaller stand-ins for zod, entities and the SDK's credential chain (lib/bundling/lambda-aliases.ts).
          ...lambdaBundleAliases(repoRoot),
          // Text such as the HTML entity table as UTF-8 rather than \uXXXX escapes: up to six
          // times fewer bytes for every non-ASCII character to read and parse at cold start.
          '--charset': 'utf8',
        },
        metafile: true,
        forceDockerBundling: false,
      },
    });

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only two statements use "*", and neither action takes a narrower resource: X-Ray (active tracing: PutTraceSegments, PutTelemetryRecords) and, for mail-sending functions, ses:GetAccount (a read of the send quota, so sending keeps to the account\'s rate).',
    });
    Validations.of(this.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason: props.asyncFailures
        ? 'Failed asynchronous runs go to the on-failure destination (with the error); a DeadLetterConfig as well would record each failure twice.'
        : 'Invoked synchronously only (API Gateway or the SQS event source mapping); DeadLetterConfig applies to asynchronous invocations, and failed queue messages go to the queue\'s own dead-letter queue.',
    });

    if (props.asyncFailures) {
      this.function.configureAsyncInvoke({
        onFailure: new SqsDestination(props.asyncFailures.queue),
        retryAttempts: props.asyncFailures.retryAttempts,
        maxEventAge: props.asyncFailures.maxEventAge,
      });
    }
  }

  private setEnv<K extends keyof FunctionEnvironment>(key: K, value: NonNullable<FunctionEnvironment[K]>): void {
    this.env[key] = value;
    this.function.addEnvironment(key, value);
  }

  /**
   * Tells the function its table and grants what lib/table-access.ts lists for its handler:
   * item reads and writes only on the partitions it uses (`dynamodb:LeadingKeys`), its write
   * actions only, and Query on the indexes it uses — never Scan, never another index.
   *
   * Index queries carry no LeadingKeys condition: AWS documents the key as the table's partition
   * key, and the hot paths (due digests, due feeds, watchers, a company's news) must not depend on
   * how IAM reads it for an index, which nothing offline can check. An index only ever lists
   * items of the partitions above, and reading one does not let a function change it.
   */
  bindTable(table: ITable): this {
    const access = TABLE_ACCESS[this.handler];
    this.setEnv('AFTERVIEW_TABLE_NAME', table.tableName);
    if (access.reads.length > 0) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'ReadItsPartitions',
          actions: [...TABLE_READ_ACTIONS],
          resources: [table.tableArn],
          conditions: onlyPartitions(access.reads),
        }),
      );
    }
    if (access.writes.length > 0) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'WriteItsPartitions',
          actions: [...(access.writeActions ?? TABLE_WRITE_ACTIONS)],
          // Indexes are written through the table; no write action applies to an index.
          resources: [table.tableArn],
          conditions: onlyPartitions(access.writes),
        }),
      );
    }
    if (access.indexes.length > 0) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'QueryItsIndexes',
          actions: ['dynamodb:Query'],
          resources: access.indexes.map((name) => `${table.tableArn}/index/${name}`),
        }),
      );
    }
    return this;
  }

  /**
   * Lets the function read the link-signing keys (current and previous versions of the one
   * secret) and tells it where they are. Only functions that sign or verify email links get this.
   */
  bindLinkKeys(secret: ISecret): this {
    this.setEnv('AFTERVIEW_LINK_KEY_SECRET', secret.secretArn);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'ReadTheLinkSigningKeys', actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }),
    );
    return this;
  }

  /** Lets the function send mail from the one identity, through the one configuration set. */
  bindMailer(mail: MailSending): this {
    this.setEnv('AFTERVIEW_SENDER', mail.sender);
    this.setEnv('AFTERVIEW_SES_CONFIGURATION_SET', mail.configurationSet.configurationSetName);
    const stack = Stack.of(this);
    const identities = [mail.identity, ...(mail.sandboxRecipients ?? [])];
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SendThroughTheConfigurationSet',
        actions: ['ses:SendEmail'],
        resources: [
          ...identities.map((i) => i.emailIdentityArn),
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: mail.configurationSet.configurationSetName }),
        ],
      }),
    );
    if (mail.sendRate === undefined) {
      // Sending keeps to the account's own rate (1 a second in the sandbox, the quota in production).
      this.role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'ReadTheSendQuota', actions: ['ses:GetAccount'], resources: ['*'] }));
    } else {
      this.setEnv('AFTERVIEW_SEND_RATE', String(mail.sendRate));
    }
    return this;
  }

  /** Lets the function put messages on the poll queue (the planner's fan-out). */
  bindPollQueue(queue: IQueue): this {
    this.setEnv('AFTERVIEW_POLL_QUEUE_URL', queue.queueUrl);
    queue.grantSendMessages(this.function);
    return this;
  }

  /** The environment as set so far (for tests and the bundle-size report). */
  get environment(): Readonly<FunctionEnvironment> {
    return this.env;
  }
}
