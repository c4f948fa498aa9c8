/**
 * What the Lambda handlers report, run against the local servers as local mode wires them: every
 * handler puts its invocation's context (request id, function, cold start) in each log line, and
 * the poll and digest handlers publish their summary counts as CloudWatch metrics (one embedded
 * metric format line per invocation, on stdout, where Lambda hands it to CloudWatch Logs).
 */
import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { OUTBOX_METRICS, OUTBOX_METRICS_SERVICE, metricService } from '../../functions/config/metric-names.js';
import { POLL_COMPANY_METRICS } from '../../functions/handlers/published-metrics.js';
import { createTestStack, type TestStack } from '../support/stack.js';

let written: string[] = [];
let tableName = '';
let stack: TestStack;

/** The JSON lines written to stdout since the last call. */
function jsonLines(): Record<string, unknown>[] {
  const lines = written
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  written = [];
  return lines;
}
const logLines = (lines: Record<string, unknown>[]) => lines.filter((l) => 'level' in l);
const metricLines = (lines: Record<string, unknown>[]) => lines.filter((l) => '_aws' in l);

function lambdaContext(functionName: string, awsRequestId: string): Context {
  return {
    functionName,
    awsRequestId,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:111111111111:function:${functionName}`,
    memoryLimitInMB: '512',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'stream',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

beforeAll(async () => {
  stack = await createTestStack();
  tableName = stack.tableName;
  const port = (endpoint: string) => new URL(endpoint).port;
  // Local mode's wiring (local servers); Lambda marks an on-demand start, which Powertools reads.
  vi.stubEnv('AFTERVIEW_TABLE_NAME', stack.tableName);
  vi.stubEnv('AFTERVIEW_DYNAMODB_PORT', port(inject('dynamodbEndpoint')));
  vi.stubEnv('AFTERVIEW_SES_PORT', port(inject('sesEndpoint')));
  vi.stubEnv('AFTERVIEW_POLL_QUEUE_URL', 'https://sqs.eu-west-1.amazonaws.com/111111111111/poll');
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  vi.stubEnv('LOG_LEVEL', 'INFO');
  // Lambda sends both streams to the function's log group; Powertools writes warnings and errors to stderr.
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  }
});

afterAll(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('every handler logs with its invocation context', () => {
  it.each([
    [
      'api',
      async () => {
        // /health logs only when something is wrong: give this function a table that is not there.
        vi.stubEnv('AFTERVIEW_TABLE_NAME', 'no-such-table');
        // A module graph of its own, as in the api bundle: the API's schemas extend zod's with
        // OpenAPI metadata before any product schema is built (this file's helpers built some).
        vi.resetModules();
        const { handler } = await import('../../functions/handlers/api.js').finally(() => vi.stubEnv('AFTERVIEW_TABLE_NAME', tableName));
        const health = {
          version: '2.0',
          routeKey: '$default',
          rawPath: '/health',
          rawQueryString: '',
          headers: { host: 'api.example.com' },
          requestContext: { http: { method: 'GET', path: '/health', sourceIp: '203.0.113.9', protocol: 'HTTP/1.1', userAgent: 't' } },
          isBase64Encoded: false,
        };
        const response = await handler(health as never, lambdaContext('api', 'req-1'));
        expect(response.statusCode).toBe(503);
      },
    ],
    ['poll-planner', async () => (await import('../../functions/handlers/poll-planner.js')).handler({}, lambdaContext('poll-planner', 'req-1'))],
    ['ses-events', async () => (await import('../../functions/handlers/ses-events.js')).handler({ detail: 'nothing' }, lambdaContext('ses-events', 'req-1'))],
  ])('%s', async (name, invoke) => {
    jsonLines();
    await invoke();
    const first = logLines(jsonLines());
    expect(first.length).toBeGreaterThan(0);
    for (const line of first) {
      expect(line).toMatchObject({ service: `afterview-${name}`, function_request_id: 'req-1', function_name: name, cold_start: true });
    }
  });
});

describe('poll-company', () => {
  const event = (bodies: string[]): SQSEvent => ({ Records: bodies.map((body, i) => ({ messageId: `m${i}`, body }) as SQSEvent['Records'][number]) });

  it('logs each message with the request id, cold start first, and publishes the summary counts as metrics', async () => {
    const { handler } = await import('../../functions/handlers/poll-company.js');
    jsonLines();
    const message = JSON.stringify({ companyKey: 'acme', sourceIds: ['no-such-source'] });
    await handler(event([message, message]), lambdaContext('poll-company', 'req-1'));
    const lines = jsonLines();
    const logs = logLines(lines);
    expect(logs.map((l) => l.message)).toEqual(['company polled', 'company polled', 'alert mail']);
    for (const line of logs.slice(0, 2)) expect(line).toMatchObject({ function_request_id: 'req-1', cold_start: true, companyKey: 'acme' });

    const [emf, outbox, ...more] = metricLines(lines);
    expect(more).toEqual([]);
    const aws = emf!._aws as { CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> };
    expect(aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'afterview',
        Dimensions: [['service']],
        Metrics: POLL_COMPANY_METRICS.map((name) => ({ Name: name, Unit: 'Count' })),
      },
    ]);
    expect(emf).toMatchObject({ service: 'afterview-poll-company', requests: [0, 0], failures: [0, 0] });
    // The outbox's figures (the poll sends alerts) under the service every sender shares: once per
    // invocation, whose messages share one sender.
    expect(outbox).toMatchObject({ service: metricService(OUTBOX_METRICS_SERVICE), [OUTBOX_METRICS.stalePending]: 0, [OUTBOX_METRICS.dropped]: 0 });
    expect(Object.keys(outbox!).filter((k) => !['_aws', 'service'].includes(k)).sort()).toEqual(Object.values(OUTBOX_METRICS).sort());

    // The next invocation is warm, carries its own request id, and publishes only its own counts.
    await handler(event(['not json']), lambdaContext('poll-company', 'req-2'));
    const second = jsonLines();
    expect(logLines(second)).toEqual([expect.objectContaining({ message: 'message dropped: redelivery cannot fix it', function_request_id: 'req-2', cold_start: false })]);
    expect(metricLines(second)).toEqual([]);
  });
});

describe('poll-company near the end of its time', () => {
  it('starts no company, and reports the message failed so that SQS delivers it again', async () => {
    const { handler } = await import('../../functions/handlers/poll-company.js');
    // A new source, due at once; the invocation has 10 s left, less than a company may need.
    const source = await stack.repos.sources.upsertWatched(
      { id: 'late-source', url: 'https://news.example/late.xml', kind: 'custom', companyKey: 'late-co', companyName: 'Late Co' },
      new Date(),
    );
    jsonLines();
    const body = JSON.stringify({ companyKey: 'late-co', sourceIds: [source.id] });
    const response = await handler({ Records: [{ messageId: 'late', body } as SQSEvent['Records'][number]] }, lambdaContext('poll-company', 'req-3'));
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'late' }] });
    const logs = logLines(jsonLines());
    expect(logs.find((l) => l.message === 'company polled')).toMatchObject({ sourcesDue: 1, requests: 0, notReached: 1, stopped: 'deadline' });
    expect(logs.map((l) => l.message)).toContain('message failed; SQS will redeliver it');
  });
});

describe('digest-sender', () => {
  it('logs its counts and publishes as metrics only the outbox figures the alarms read', async () => {
    const { handler } = await import('../../functions/handlers/digest-sender.js');
    jsonLines();
    await expect(handler({ scheduledTime: '2030-01-01T08:00:00Z' }, lambdaContext('digest-sender', 'req-9'))).resolves.toEqual({ due: 0, sent: 0 });
    const lines = jsonLines();
    expect(logLines(lines)).toEqual([expect.objectContaining({ message: 'digest cycle done', function_request_id: 'req-9', cold_start: true, due: 0, sent: 0, failed: 0 })]);
    const [emf, ...more] = metricLines(lines);
    expect(more).toEqual([]);
    expect(emf).toMatchObject({ service: metricService(OUTBOX_METRICS_SERVICE) });
    expect(Object.keys(emf!).filter((k) => !['_aws', 'service'].includes(k)).sort()).toEqual(Object.values(OUTBOX_METRICS).sort());
  });
});
