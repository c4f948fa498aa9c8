/**
 * A stand-in for SES that throttles, fails, hangs and refuses on cue, on a virtual clock: every
 * wait the outbox asks for moves the clock instead of sleeping, so tests count attempts and time
 * exactly and run in milliseconds.
 */
import { MailDeliveryError } from '../../functions/app/errors.js';
import type { Clock, Mailer, OutgoingEmail } from '../../functions/app/ports.js';

/** Time that passes only when someone waits. */
export class VirtualTime {
  constructor(public ms: number) {}
  readonly clock: Clock = { now: () => new Date(this.ms) };
  /** Whole milliseconds, as a Date holds them. */
  readonly sleep = async (ms: number): Promise<void> => {
    this.ms += Math.ceil(ms);
  };
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** How the stand-in answers one call. */
export type Answer = 'accept' | 'throttle' | 'server-error' | 'hang' | 'reject' | 'pause';

export interface MailCall {
  to: string;
  /** Virtual time of the call. */
  at: number;
  answer: Answer;
}

export class StandInMailService implements Mailer {
  readonly calls: MailCall[] = [];
  /** Recipients of every mail the service accepted, in order (a repeat shows up twice). */
  readonly delivered: string[] = [];

  constructor(
    private readonly time: VirtualTime,
    private readonly answer: (call: MailCall & { index: number }) => Answer,
    private readonly quotaPerSecond: number | null = null,
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const call = { to: email.to, at: this.time.ms, answer: 'accept' as Answer };
    call.answer = this.answer({ ...call, index: this.calls.length });
    this.calls.push(call);
    switch (call.answer) {
      case 'accept':
        this.delivered.push(email.to);
        return { messageId: `stand-in-${this.calls.length}` };
      case 'throttle':
        throw new MailDeliveryError('SES TooManyRequestsException (429): Maximum sending rate exceeded.', 'transient', true);
      case 'server-error':
        throw new MailDeliveryError('SES InternalServiceErrorException (500): internal failure', 'transient');
      case 'hang':
        return new Promise(() => {});
      case 'reject':
        throw new MailDeliveryError('SES MessageRejected (400): Email address is not verified.', 'refused');
      case 'pause':
        throw new MailDeliveryError('SES SendingPausedException (400): sending is paused for this account', 'unavailable');
    }
  }

  async maxSendRate(): Promise<number | null> {
    return this.quotaPerSecond;
  }

  /** Calls made for one recipient. */
  callsTo(to: string): MailCall[] {
    return this.calls.filter((c) => c.to === to);
  }

  /** True when two calls came closer together than the quota allows (what SES would throttle). */
  overQuota(): boolean {
    if (!this.quotaPerSecond) return false;
    const spacing = 1000 / this.quotaPerSecond;
    return this.calls.some((c, i) => i > 0 && c.at - this.calls[i - 1]!.at < spacing - 1e-6);
  }
}
