/**
 * Sends recorded messages, one at a time per run: wait for the send rate, take the message's lease
 * (a conditional write), hand the mail to the mail service — retrying throttling, 5xx and timeouts
 * with backoff inside the lease and the run's time — and mark it sent with the service's id.
 *
 * One send in flight per run keeps the only repeat the outbox allows to one message per run: a
 * run that dies after the mail service took a mail and before the outbox recorded it leaves that
 * one lease to expire, and the next run sends it again (README "Nothing lost, nothing twice").
 */
import { randomUUID } from 'node:crypto';
import type { OutboxSettings } from '../../config/env.js';
import { MailDeliveryError } from '../errors.js';
import type { Clock, Logger, Mailer, OutgoingEmail } from '../ports.js';
import { NO_DEADLINE, type RunDeadline } from '../run-deadline.js';
import { realClock, retryDelayMs, SendRateLimiter, sleep as realSleep, type Sleep } from './pacing.js';
import type { Lease, MessageRef, OutboxRepository } from './ports.js';
import { emptyTally, STALE_PENDING_MS, type OutboxTally, type StopReason } from './tally.js';

export type { OutboxTally, StopReason } from './tally.js';

export interface SenderDeps {
  repos: { outbox: OutboxRepository };
  mailer: Mailer;
  config: { outbox: OutboxSettings };
  /** The real clock, for leases (a run's own "now" may be a scheduled instant in the past). */
  clock?: Clock;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export interface SenderOptions {
  deadline?: RunDeadline;
  /** Attempts per lease before the message is left for a later run. */
  maxAttempts?: number;
  sleep?: Sleep;
  random?: () => number;
}

/** What became of one message handed to {@link OutboxSender.deliver}. */
export type Delivery =
  | { outcome: 'sent'; mailMessageId: string }
  | { outcome: 'suppressed' }
  | { outcome: 'refused'; reason: string }
  /** Still pending: a later run sends it. */
  | { outcome: 'pending'; reason: string }
  /** Not due: another sender holds it, or it has ended. Nothing was done. */
  | { outcome: 'not-due' };

export const DEFAULT_MAX_ATTEMPTS = 4;

/** What one mail takes at least (the mail service's answer, the record of it), for `leaseForNewMessage`'s estimate. */
const EXPECTED_SEND_MS = 100;

export class OutboxSender {
  readonly tally: OutboxTally = emptyTally();
  private readonly clock: Clock;
  private readonly deadline: RunDeadline;
  private readonly maxAttempts: number;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly leaseMs: number;
  private readonly attemptTimeoutMs: number;
  private limiter: Promise<SendRateLimiter> | undefined;
  private resolvedLimiter: SendRateLimiter | undefined;
  private turn: Promise<unknown> = Promise.resolve();
  private mailServiceDown = false;
  /** Messages handed to `deliver` and not done yet, plus leases handed out for messages still to be recorded. */
  private inHand = 0;

  constructor(
    private readonly deps: SenderDeps,
    options: SenderOptions = {},
  ) {
    this.clock = deps.clock ?? realClock;
    this.deadline = options.deadline ?? NO_DEADLINE;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.leaseMs = deps.config.outbox.leaseSeconds * 1000;
    this.attemptTimeoutMs = deps.config.outbox.attemptTimeoutMs;
  }

  /**
   * Why the run should take on no more messages, or null: its time is nearly up (one attempt and
   * its bookkeeping must still fit), or the mail service is failing. The first reason seen is
   * kept in the tally.
   */
  get stopped(): StopReason | null {
    const reason = this.mailServiceDown ? 'mail-service' : this.deadline.remainingMs() < this.finishReserveMs ? 'deadline' : null;
    if (reason) this.tally.stopped ??= reason;
    return reason;
  }

  /** Time one attempt and its outcome's write need before the run is cut off. */
  private get finishReserveMs(): number {
    return this.attemptTimeoutMs * 1.5;
  }

  /** Counts a message the run leaves pending without trying it (it stopped first). */
  leftPending(recordedAt?: string): void {
    this.tally.pending++;
    if (recordedAt && this.clock.now().getTime() - Date.parse(recordedAt) > STALE_PENDING_MS) this.tally.stalePending++;
  }

  /** Counts a message ended unsent before any lease (too late, nothing to say, suppressed). */
  endedUnsent(state: 'dropped' | 'skipped' | 'suppressed'): void {
    this.tally[state]++;
  }

  /**
   * A lease to record a new message with (OutboxRepository.record), so that sending it needs no
   * lease write of its own — when this sender expects to get to it well inside the lease, given
   * what it already has in hand and its send rate. Null otherwise: record it pending, and it is
   * leased when its turn comes. Hand the lease to `deliver` or `release`, or to `settled` when the
   * message will not be sent under it (it was recorded already, or it ended unsent).
   */
  leaseForNewMessage(): Lease | null {
    if (this.stopped) return null;
    const perMailMs = Math.max(EXPECTED_SEND_MS, this.spacingMs());
    if ((this.inHand + 1) * perMailMs > this.leaseMs / 2) return null;
    this.inHand++;
    return { id: randomUUID(), until: new Date(this.clock.now().getTime() + this.leaseMs) };
  }

  /** A lease from `leaseForNewMessage` that no message will be sent under. */
  settled(_lease: Lease): void {
    this.inHand = Math.max(0, this.inHand - 1);
  }

  /** Gives back a message recorded with this sender's lease and not sent (the run stopped, or it cannot be composed yet). */
  async release(ref: MessageRef, lease: Lease, recordedAt: string, reason: string): Promise<void> {
    this.inHand = Math.max(0, this.inHand - 1);
    await this.giveBack(ref, lease.id, 0, recordedAt, reason);
  }

  /** Milliseconds between sends at the rate this sender keeps (the SES sandbox's 1 s until the account's rate is known). */
  private spacingMs(): number {
    if (this.resolvedLimiter) return this.resolvedLimiter.ratePerSecond === Infinity ? 0 : 1000 / this.resolvedLimiter.ratePerSecond;
    const setting = this.deps.config.outbox.sendRate;
    return setting === null ? 0 : setting === 'account' ? 1000 : 1000 / setting;
  }

  /**
   * Sends one recorded message (composed by the caller) when its turn comes: one message at a
   * time per sender, whoever calls. `held`: the lease it was recorded with (`leaseForNewMessage`).
   */
  deliver(ref: MessageRef, email: OutgoingEmail, recordedAt?: string, held?: Lease): Promise<Delivery> {
    if (!held) this.inHand++;
    const mine = this.turn.then(() => this.deliverNow(ref, email, recordedAt, held)).finally(() => (this.inHand = Math.max(0, this.inHand - 1)));
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  private async deliverNow(ref: MessageRef, email: OutgoingEmail, recordedAt?: string, held?: Lease): Promise<Delivery> {
    const limiter = await this.rateLimiter();
    const stop = () => (held ? this.giveBack(ref, held.id, 0, recordedAt ?? this.clock.now().toISOString(), this.stopReason()) : this.keepPending(recordedAt));
    if (this.stopped) return stop();
    await limiter.take();
    if (this.stopped) return stop();

    let leaseId: string;
    let leaseEnd: number;
    let createdAt: string;
    if (held) {
      // Recorded with this sender's lease: no write needed to hold it.
      leaseId = held.id;
      leaseEnd = held.until.getTime();
      createdAt = recordedAt ?? this.clock.now().toISOString();
      this.tally.leased++;
    } else {
      leaseId = randomUUID();
      const leasedAt = this.clock.now().getTime();
      leaseEnd = leasedAt + this.leaseMs;
      const taken = await this.deps.repos.outbox.lease(ref, { id: leaseId, until: new Date(leaseEnd) }, new Date(leasedAt));
      if (!taken) return { outcome: 'not-due' };
      this.tally.leased++;
      if (taken.expiredLease) {
        this.tally.expired++;
        this.deps.logger?.warn('outbox: taking over a message whose lease ran out', { ...logRef(ref), leases: taken.message.leases });
      }
      createdAt = taken.message.createdAt;
    }

    let attempts = 0;
    for (;;) {
      if (attempts > 0) await limiter.take();
      // An attempt starts only if it can end well inside the lease and the run's time.
      const leaseLeft = leaseEnd - this.clock.now().getTime();
      if (leaseLeft < this.attemptTimeoutMs * 2 || this.stopped === 'deadline') {
        return this.giveBack(ref, leaseId, attempts, createdAt, attempts === 0 ? 'the run ran out of time' : 'retries ran out of time');
      }
      attempts++;
      this.tally.attempts++;
      if (attempts > 1) this.tally.retried++;
      try {
        const result = await this.withinAttemptTime(this.deps.mailer.send(email));
        if (result.suppressed) {
          await this.end(ref, 'suppressed', 'address suppressed', leaseId, attempts);
          this.tally.suppressed++;
          return { outcome: 'suppressed' };
        }
        await this.markSent(ref, leaseId, result.messageId, attempts);
        limiter.speedUp();
        this.tally.sent++;
        return { outcome: 'sent', mailMessageId: result.messageId };
      } catch (err) {
        const fault = faultOf(err);
        if (fault.kind === 'refused') {
          await this.end(ref, 'refused', fault.reason, leaseId, attempts);
          this.tally.refused++;
          this.deps.logger?.warn('outbox: the mail service refused a message for good', { ...logRef(ref), reason: fault.reason });
          return { outcome: 'refused', reason: fault.reason };
        }
        if (fault.throttled) limiter.slowDown();
        if (fault.kind === 'unavailable' || attempts >= this.maxAttempts) {
          // A tight loop against a failing service makes it worse: this run sends nothing more.
          this.mailServiceDown = true;
          this.tally.stopped ??= 'mail-service';
          this.deps.logger?.warn('outbox: the mail service keeps failing; the rest waits for the next run', {
            ...logRef(ref),
            attempts,
            reason: fault.reason,
          });
          return this.giveBack(ref, leaseId, attempts, createdAt, fault.reason);
        }
        await this.sleep(retryDelayMs(attempts, this.random));
      }
    }
  }

  private stopReason(): string {
    return this.stopped === 'mail-service' ? 'the mail service is failing' : 'the run ran out of time';
  }

  private keepPending(recordedAt?: string): Delivery {
    this.leftPending(recordedAt);
    return { outcome: 'pending', reason: this.stopReason() };
  }

  private async giveBack(ref: MessageRef, leaseId: string, attempts: number, createdAt: string, reason: string): Promise<Delivery> {
    this.leftPending(createdAt);
    try {
      // Due at once: the next run takes it (an unreleased lease would only delay that).
      await this.deps.repos.outbox.release(ref, leaseId, this.clock.now(), reason, attempts);
    } catch (err) {
      this.deps.logger?.warn('outbox: could not give a message back; its lease will run out', { ...logRef(ref), error: describe(err) });
    }
    return { outcome: 'pending', reason };
  }

  private async markSent(ref: MessageRef, leaseId: string, mailMessageId: string, attempts: number): Promise<void> {
    try {
      const marked = await this.deps.repos.outbox.markSent(ref, leaseId, this.clock.now(), mailMessageId, attempts);
      if (marked === 'already-sent') this.deps.logger?.warn('outbox: another sender had sent this message too', logRef(ref));
    } catch (err) {
      // Sent is sent; only the record is missing, so the message may go once more after its lease.
      this.deps.logger?.error('outbox: sent but not marked sent', { ...logRef(ref), error: describe(err) });
    }
  }

  private async end(ref: MessageRef, state: 'suppressed' | 'refused', reason: string, leaseId: string, attempts: number): Promise<void> {
    try {
      await this.deps.repos.outbox.end(ref, state, reason, this.clock.now(), { leaseId, attempts });
    } catch (err) {
      this.deps.logger?.warn('outbox: could not record why a message ended', { ...logRef(ref), state, error: describe(err) });
    }
  }

  /** A mail service that does not answer in time is a transient fault: the attempt is abandoned. */
  private async withinAttemptTime<T>(sending: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new MailDeliveryError(`the mail service did not answer within ${this.attemptTimeoutMs} ms`, 'transient')),
        this.attemptTimeoutMs,
      );
    });
    try {
      return await Promise.race([sending, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private rateLimiter(): Promise<SendRateLimiter> {
    this.limiter ??= this.resolveRate().then((rate) => (this.resolvedLimiter = new SendRateLimiter(rate, () => this.clock.now().getTime(), this.sleep)));
    return this.limiter;
  }

  private async resolveRate(): Promise<number | null> {
    const setting = this.deps.config.outbox.sendRate;
    if (setting !== 'account') return setting;
    try {
      const quota = await this.deps.mailer.maxSendRate?.();
      if (quota && quota > 0) return quota;
    } catch (err) {
      this.deps.logger?.warn('outbox: the mail account\'s send rate is unknown; sending one a second', { error: describe(err) });
    }
    // The SES sandbox's rate: safe whatever the account.
    return 1;
  }
}

type Fault = { kind: 'refused' | 'transient' | 'unavailable'; throttled: boolean; reason: string };

/** What a failed send means; an error the mailer did not classify counts as transient. */
function faultOf(err: unknown): Fault {
  if (err instanceof MailDeliveryError) return { kind: err.fault, throttled: err.throttled, reason: err.message };
  return { kind: 'transient', throttled: false, reason: describe(err) };
}

function describe(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
}

function logRef(ref: MessageRef): Record<string, string> {
  return { subscriberId: ref.subscriberId, kind: ref.kind, key: ref.key };
}
