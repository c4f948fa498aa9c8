import { describe, expect, it } from 'vitest';
import type { Mailer, OutgoingEmail, SuppressionRepository } from '../../functions/app/ports.js';
import { handleSesEvent, suppressionsFromSesEvent } from '../../functions/app/suppression/handle-ses-event.js';
import { SuppressingMailer } from '../../functions/app/suppressing-mailer.js';

class MemorySuppressions implements SuppressionRepository {
  readonly entries = new Map<string, string>();
  async suppress(email: string, reason: string, _at: Date): Promise<void> {
    this.entries.set(email.trim().toLowerCase(), reason);
  }
  async isSuppressed(email: string): Promise<boolean> {
    return this.entries.has(email.trim().toLowerCase());
  }
}

const bounce = (bounceType: string, ...emails: string[]) => ({
  notificationType: 'Bounce',
  bounce: { bounceType, bounceSubType: 'General', bouncedRecipients: emails.map((emailAddress) => ({ emailAddress })) },
  mail: { messageId: 'm-1', destination: emails },
});
const complaint = (...emails: string[]) => ({
  notificationType: 'Complaint',
  complaint: { complainedRecipients: emails.map((emailAddress) => ({ emailAddress })), complaintFeedbackType: 'abuse' },
  mail: { messageId: 'm-2' },
});
const viaSns = (...messages: unknown[]) => ({
  Records: messages.map((m) => ({ EventSource: 'aws:sns', Sns: { Type: 'Notification', Message: JSON.stringify(m) } })),
});
const viaEventBridge = (detailType: string, detail: unknown) => ({
  version: '0',
  source: 'aws.ses',
  'detail-type': detailType,
  detail,
});

describe('suppressionsFromSesEvent', () => {
  it.each([
    ['SNS: hard bounce', viaSns(bounce('Permanent', 'gone@example.com')), ['gone@example.com']],
    ['SNS: transient bounce is not suppressed', viaSns(bounce('Transient', 'full@example.com')), []],
    ['SNS: undetermined bounce is not suppressed', viaSns(bounce('Undetermined', 'odd@example.com')), []],
    ['SNS: complaint', viaSns(complaint('angry@example.com')), ['angry@example.com']],
    ['SNS: delivery is ignored', viaSns({ notificationType: 'Delivery', mail: {} }), []],
    ['SNS: two records', viaSns(bounce('Permanent', 'a@example.com'), complaint('b@example.com')), ['a@example.com', 'b@example.com']],
    [
      'SNS: event publishing uses eventType',
      viaSns({ eventType: 'Bounce', bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'c@example.com' }] } }),
      ['c@example.com'],
    ],
    ['EventBridge: hard bounce', viaEventBridge('Email Bounced', { eventType: 'Bounce', ...bounce('Permanent', 'd@example.com') }), ['d@example.com']],
    ['EventBridge: complaint', viaEventBridge('Email Complaint Received', { eventType: 'Complaint', ...complaint('e@example.com') }), ['e@example.com']],
    ['bare SNS message', bounce('Permanent', 'f@example.com'), ['f@example.com']],
  ])('%s', (_name, event, expected) => {
    const result = suppressionsFromSesEvent(event);
    expect(result.recognized).toBe(true);
    expect(result.suppressions.map((s) => s.email)).toEqual(expected);
  });

  it.each([
    ['not JSON in the SNS message', { Records: [{ Sns: { Message: '{oops' } }] }],
    ['some other event', { hello: 'world' }],
    ['null', null],
  ])('does not recognize %s', (_name, event) => {
    expect(suppressionsFromSesEvent(event)).toEqual({ recognized: false, suppressions: [] });
  });

  it('keeps the reason', () => {
    expect(suppressionsFromSesEvent(viaSns(complaint('x@example.com'))).suppressions[0]?.reason).toBe('complaint (abuse)');
  });
});

describe('handleSesEvent', () => {
  const logs: string[] = [];
  const logger = {
    info: (msg: unknown, ...extra: unknown[]) => void logs.push(String(msg) + JSON.stringify(extra)),
    warn: (msg: unknown, ..._extra: unknown[]) => void logs.push(String(msg)),
  };
  const clock = { now: () => new Date('2026-11-02T10:00:00Z') };

  it('suppresses hard bounces and complaints, not soft bounces, and logs no address', async () => {
    const suppressions = new MemorySuppressions();
    const result = await handleSesEvent(
      viaSns(bounce('Permanent', 'Gone@Example.com'), bounce('Transient', 'full@example.com'), complaint('angry@example.com')),
      { suppressions, clock, logger },
    );
    expect(result).toEqual({ suppressed: 2, recognized: true });
    expect(await suppressions.isSuppressed('gone@example.com')).toBe(true);
    expect(await suppressions.isSuppressed('angry@example.com')).toBe(true);
    expect(await suppressions.isSuppressed('full@example.com')).toBe(false);
    expect(logs.join('\n')).not.toMatch(/@example\.com/i);
  });

  it('is safe to repeat', async () => {
    const suppressions = new MemorySuppressions();
    const event = viaSns(complaint('again@example.com'));
    await handleSesEvent(event, { suppressions, clock, logger });
    await handleSesEvent(event, { suppressions, clock, logger });
    expect([...suppressions.entries.keys()]).toEqual(['again@example.com']);
  });
});

describe('SuppressingMailer', () => {
  const email = (to: string): OutgoingEmail => ({ to, subject: 's', text: 't', html: '<p>t</p>', kind: 'digest' });

  it('sends to addresses that are not suppressed and skips suppressed ones, whatever the case', async () => {
    const sent: string[] = [];
    const inner: Mailer = { send: async (e) => (sent.push(e.to), { messageId: `id-${sent.length}` }) };
    const suppressions = new MemorySuppressions();
    await suppressions.suppress('blocked@example.com', 'complaint', new Date());
    const mailer = new SuppressingMailer(inner, suppressions);

    expect(await mailer.send(email('ok@example.com'))).toEqual({ messageId: 'id-1' });
    expect(await mailer.send(email('BLOCKED@example.com'))).toEqual({ messageId: '', suppressed: true });
    expect(sent).toEqual(['ok@example.com']);
  });
});
