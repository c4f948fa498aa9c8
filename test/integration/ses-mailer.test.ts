/**
 * The SES mailer against a local stand-in for the SES v2 API that answers like SES does when it
 * throttles, fails, refuses, pauses or hangs: one attempt per call (the outbox counts and paces
 * retries), cut off at the attempt time, and every failure classified for the outbox.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailDeliveryError, SesMailer } from '../../functions/adapters/ses/mailer.js';
import { MailDeliveryError } from '../../functions/app/errors.js';
import { loadConfig } from '../../functions/config/env.js';

type Reply = { status: number; type?: string; message?: string } | 'hang' | 'reset';

let server: Server;
let port: number;
let next: Reply = { status: 200 };
let requests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    req.resume();
    req.on('end', () => {
      const reply = next;
      if (reply === 'hang') return;
      if (reply === 'reset') return void req.socket.destroy();
      if (req.url?.startsWith('/v2/email/account')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ SendQuota: { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 3 }, ProductionAccessEnabled: false }));
      }
      if (reply.status === 200) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ MessageId: 'stand-in-1' }));
      }
      res.writeHead(reply.status, { 'content-type': 'application/json', 'x-amzn-errortype': reply.type ?? 'Unknown' });
      res.end(JSON.stringify({ message: reply.message ?? reply.type }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function mailer() {
  // A 1 s lease: each attempt may take a quarter of it.
  const config = loadConfig({ AFTERVIEW_SES_PORT: String(port), AFTERVIEW_OUTBOX_LEASE_SECONDS: '2' });
  return new SesMailer(config);
}
const email = { to: 'someone@example.test', subject: 's', text: 't', html: '<p>h</p>', kind: 'digest' };

async function failure(reply: Reply): Promise<MailDeliveryError> {
  next = reply;
  const before = requests;
  const err = await mailer().send(email).then(
    () => null,
    (e: unknown) => e,
  );
  // One attempt only: the SDK does not retry behind the outbox's back.
  expect(requests - before).toBe(1);
  expect(err).toBeInstanceOf(MailDeliveryError);
  return err as MailDeliveryError;
}

describe('the SES mailer', () => {
  it('returns the message id SES gives', async () => {
    next = { status: 200 };
    expect(await mailer().send(email)).toEqual({ messageId: 'stand-in-1' });
  });

  it.each([
    ['throttling (429 TooManyRequestsException)', { status: 429, type: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' }, 'transient', true],
    ['a server error (500)', { status: 500, type: 'InternalFailure' }, 'transient', false],
    ['service unavailable (503)', { status: 503, type: 'ServiceUnavailable' }, 'transient', false],
    ['a rejected message', { status: 400, type: 'MessageRejected', message: 'Email address is not verified.' }, 'refused', false],
    ['a bad address', { status: 400, type: 'BadRequestException', message: 'Illegal address' }, 'refused', false],
    ['sending paused for the account', { status: 400, type: 'SendingPausedException' }, 'unavailable', false],
    ['an unverified sender domain', { status: 400, type: 'MailFromDomainNotVerifiedException' }, 'unavailable', false],
    ['a 4xx nobody expected (kept pending, not dropped)', { status: 400, type: 'SomethingNewException' }, 'unavailable', false],
  ] as const)('classifies %s', async (_name, reply, fault, throttled) => {
    const err = await failure(reply);
    expect(err.fault).toBe(fault);
    expect(err.throttled).toBe(throttled);
    expect(err.message).toContain(reply.type);
    expect(err.message).not.toContain('someone@example.test');
  });

  it('gives up on an attempt SES does not answer within the attempt time, as a transient fault', async () => {
    const started = Date.now();
    const err = await failure('hang');
    expect(err.fault).toBe('transient');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('treats a dropped connection as transient', async () => {
    expect((await failure('reset')).fault).toBe('transient');
  });

  it('reads the account\'s send rate from SES', async () => {
    next = { status: 200 };
    expect(await mailer().maxSendRate()).toBe(1);
  });

  it('classifies credentials trouble as account-wide', () => {
    expect(mailDeliveryError(Object.assign(new Error('Could not load credentials'), { name: 'CredentialsProviderError' })).fault).toBe('unavailable');
    expect(mailDeliveryError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).fault).toBe('transient');
  });
});
