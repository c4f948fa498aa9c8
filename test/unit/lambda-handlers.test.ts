/**
 * The pieces the Lambda handlers share: the scheduled instant, partial batch responses for the
 * poll queue, and the poll queue's messages. (The handlers themselves only wire these to use cases.)
 */
import type { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { SqsPollQueue } from '../../functions/adapters/sqs/poll-queue.js';
import { BadPollMessageError, parsePollMessage, type PollMessage } from '../../functions/app/poll/poll-message.js';
import { ValidationError } from '../../functions/app/errors.js';
import { ConfigError } from '../../functions/config/env.js';
import { scheduledInstant } from '../../functions/handlers/scheduled-run.js';
import { required } from '../../functions/wiring/lambda.js';
import { processBatch } from '../../functions/handlers/sqs-batch.js';

const clock = { now: () => new Date('2030-01-02T03:04:05Z') };

describe('scheduledInstant', () => {
  it('is the time the schedule stood for, so a retried run sees the same instant', () => {
    expect(scheduledInstant({ scheduledTime: '2030-01-01T08:00:00Z' }, clock).toISOString()).toBe('2030-01-01T08:00:00.000Z');
  });

  it('is the clock when the function is invoked by hand without one', () => {
    expect(scheduledInstant({}, clock)).toEqual(clock.now());
    expect(scheduledInstant(undefined, clock)).toEqual(clock.now());
  });

  it('refuses a scheduled time that is not a date-time', () => {
    expect(() => scheduledInstant({ scheduledTime: 'yesterday' }, clock)).toThrow(ValidationError);
  });
});

describe('required settings', () => {
  it('names the missing variable and the function in one line', () => {
    expect(() => required(undefined, 'AFTERVIEW_POLL_QUEUE_URL', 'the poll planner')).toThrow(
      new ConfigError('bad configuration: AFTERVIEW_POLL_QUEUE_URL must be set for the poll planner'),
    );
    expect(required('https://sqs.example/q', 'X', 'y')).toBe('https://sqs.example/q');
  });
});

const record = (messageId: string, body: string) => ({ messageId, body }) as SQSRecord;
const quietLogger = () => {
  const lines: { message: string; extra: unknown[] }[] = [];
  return { lines, error: (message: unknown, ...extra: unknown[]) => void lines.push({ message: String(message), extra }) };
};

describe('processBatch (partial batch responses)', () => {
  it('reports only the messages that failed, and drops the ones redelivery cannot fix', async () => {
    const logger = quietLogger();
    const done: string[] = [];
    const response = await processBatch(
      [record('ok-1', '1'), record('boom', '2'), record('bad', '3'), record('ok-2', '4')],
      async (r) => {
        if (r.messageId === 'boom') throw new Error('table unavailable');
        if (r.messageId === 'bad') throw new BadPollMessageError('poll message is not JSON');
        done.push(r.messageId);
      },
      { logger, permanent: (err) => err instanceof BadPollMessageError },
    );
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'boom' }] });
    expect(done.sort()).toEqual(['ok-1', 'ok-2']);
    expect(logger.lines.map((l) => l.message)).toEqual(['message failed; SQS will redeliver it', 'message dropped: redelivery cannot fix it']);
  });

  it('reports nothing when every message succeeds', async () => {
    expect(await processBatch([record('a', '')], async () => {}, { logger: quietLogger() })).toEqual({ batchItemFailures: [] });
  });
});

describe('poll messages', () => {
  it('round-trip a batch of the planner', () => {
    const message: PollMessage = { companyKey: 'acme', sourceIds: ['s1', 's2'] };
    expect(parsePollMessage(JSON.stringify(message))).toEqual(message);
  });

  it.each([
    ['{', 'poll message is not JSON'],
    ['{"companyKey":"acme","sourceIds":[]}', 'poll message: sourceIds'],
    ['{"companyKey":"acme","sourceIds":["s"],"extra":1}', 'poll message:'],
  ])('refuse %s', (body, message) => {
    expect(() => parsePollMessage(body)).toThrow(BadPollMessageError);
    expect(() => parsePollMessage(body)).toThrow(message);
  });
});

describe('SqsPollQueue', () => {
  /** A stand-in SQS client that refuses the entries `refuse` names, and records every request. */
  function fakeSqs(refuse: (id: string, attempt: number) => boolean) {
    const requests: { QueueUrl?: string; Entries?: { Id?: string; MessageBody?: string }[] }[] = [];
    const client = {
      send: async (command: SendMessageBatchCommand) => {
        const input = command.input;
        requests.push(input);
        const attempt = requests.filter((r) => r.Entries?.some((e) => input.Entries?.some((x) => x.Id === e.Id))).length;
        const failed = (input.Entries ?? []).filter((e) => refuse(e.Id!, attempt));
        return { Successful: [], Failed: failed.map((e) => ({ Id: e.Id, Code: 'InternalError', SenderFault: false })) };
      },
    };
    return { client: client as unknown as SQSClient, requests };
  }
  const batches = (n: number): PollMessage[] => Array.from({ length: n }, (_, i) => ({ companyKey: `c${i}`, sourceIds: [`s${i}`] }));

  it('sends one message per company, at most ten per request, to the queue it was given', async () => {
    const sqs = fakeSqs(() => false);
    const queue = new SqsPollQueue('https://sqs.eu-west-1.amazonaws.com/1/poll', { region: 'eu-west-1' }, sqs.client);
    expect(await queue.enqueue(batches(23))).toEqual({ sent: 23 });
    expect(sqs.requests.map((r) => r.Entries?.length)).toEqual([10, 10, 3]);
    expect(sqs.requests.every((r) => r.QueueUrl === 'https://sqs.eu-west-1.amazonaws.com/1/poll')).toBe(true);
    expect(JSON.parse(sqs.requests[2]!.Entries![2]!.MessageBody!)).toEqual({ companyKey: 'c22', sourceIds: ['s22'] });
  });

  it('retries refused entries once, alone', async () => {
    const sqs = fakeSqs((id, attempt) => id === '3' && attempt === 1);
    const queue = new SqsPollQueue('https://sqs.example/q', { region: 'eu-west-1' }, sqs.client);
    await queue.enqueue(batches(5));
    expect(sqs.requests.map((r) => r.Entries?.map((e) => e.Id))).toEqual([['0', '1', '2', '3', '4'], ['3']]);
  });

  it('fails the run when SQS still refuses, so the schedule retries it', async () => {
    const sqs = fakeSqs((id) => id === '1');
    const queue = new SqsPollQueue('https://sqs.example/q', { region: 'eu-west-1' }, sqs.client);
    await expect(queue.enqueue(batches(2))).rejects.toThrow('poll queue refused 1 of 2 messages');
  });

  it('sends nothing for an empty plan', async () => {
    const sqs = fakeSqs(() => false);
    await new SqsPollQueue('https://sqs.example/q', { region: 'eu-west-1' }, sqs.client).enqueue([]);
    expect(sqs.requests).toEqual([]);
  });
});
