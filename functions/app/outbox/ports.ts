/**
 * The outbox (DESIGN.md §3 "Never twice, never lost"): every mail the product owes someone is
 * first recorded here as a message, then a sender leases it, composes it, sends it and marks it
 * sent. A message holds what to send and to whom — never the mail itself and never a secret: the
 * sender composes the mail (and issues any one-time ticket) when it sends.
 */
import { z } from 'zod';

/**
 * What a message is about, by kind. The key (see {@link messageKey}) makes a message unique per
 * subscriber: recording the same one twice records it once.
 */
export const MessagePayload = z.discriminatedUnion('kind', [
  /** The subscriber's digest for one local day: at most one per day, ever. */
  z.object({ kind: z.literal('digest'), localDate: z.iso.date() }).strict(),
  /** A confirmation mail (double opt-in); `requestId` makes each request its own message. */
  z.object({ kind: z.literal('confirmation'), requestId: z.string().min(1) }).strict(),
  /** A sign-in link; `alreadySubscribed` when someone subscribed again with a confirmed address. */
  z.object({ kind: z.literal('sign-in'), requestId: z.string().min(1), alreadySubscribed: z.boolean() }).strict(),
  /**
   * A congratulations alert about one story of one watched company: at most one per subscriber
   * and story, ever. (Recorded by the poll's alert step once it moves to the outbox.)
   */
  z.object({ kind: z.literal('alert'), companyKey: z.string().min(1), storyId: z.string().min(1), companyId: z.string().min(1) }).strict(),
]);
export type MessagePayload = z.infer<typeof MessagePayload>;
export type MessageKind = MessagePayload['kind'];
export type PayloadOf<K extends MessageKind> = Extract<MessagePayload, { kind: K }>;

/** The part of a message's identity that repeats must share (one digest a day, one alert a story). */
export function messageKey(payload: MessagePayload): string {
  switch (payload.kind) {
    case 'digest':
      return payload.localDate;
    case 'confirmation':
    case 'sign-in':
      return payload.requestId;
    case 'alert':
      return `${payload.companyKey}#${payload.storyId}`;
  }
}

/** Names one message: the subscriber it is for, its kind and its key. */
export interface MessageRef {
  subscriberId: string;
  kind: MessageKind;
  key: string;
}

export function refOf(subscriberId: string, payload: MessagePayload): MessageRef {
  return { subscriberId, kind: payload.kind, key: messageKey(payload) };
}

/**
 * Where a message stands. Open: `pending` (due at `dueAt`) or `leased` (a sender holds it until
 * `dueAt`; if it never marks it, the lease runs out and the message is due again). Ended: `sent`,
 * or ended unsent — `refused` (the mail service refused it for good), `suppressed` (the address
 * bounced or complained), `dropped` (too late to be useful: a digest whose local day has passed),
 * `skipped` (nothing to send any more: nothing to say, already confirmed, account gone).
 */
export const MessageState = z.enum(['pending', 'leased', 'sent', 'refused', 'suppressed', 'dropped', 'skipped']);
export type MessageState = z.infer<typeof MessageState>;
export type EndedState = Exclude<MessageState, 'pending' | 'leased' | 'sent'>;

export const OPEN_STATES: readonly MessageState[] = ['pending', 'leased'];

export interface OutboxMessage extends MessageRef {
  payload: MessagePayload;
  state: MessageState;
  /** When it was recorded (the sender's clock, ISO). */
  createdAt: string;
  /** Open messages: when it may next be leased — now or past for a pending one, the lease's end for a leased one. */
  dueAt: string;
  /** Leases taken so far (each is one go at sending it). */
  leases: number;
  /** Send attempts so far, over all leases (added when a lease ends: a run that died adds none). */
  attempts: number;
  /** Identifies the current lease (only its holder may mark or release it). */
  leaseId?: string;
  sentAt?: string;
  /** The mail service's id for the sent mail. */
  mailMessageId?: string;
  endedAt?: string;
  /** Why it ended unsent, or why the last attempt failed (one line, never an address). */
  reason?: string;
}

/** A lease a sender takes: its id and its end. */
export interface Lease {
  id: string;
  until: Date;
}

/** The result of taking a lease: the message as it is now held, and whether an earlier lease had run out. */
export interface LeaseTaken {
  message: OutboxMessage;
  /** The message was leased before and that lease expired unsent (a run died or stopped holding it). */
  expiredLease: boolean;
}

/**
 * The outbox's storage: single conditional writes only (no transactions), so it runs the same on
 * DynamoDB and on the local server.
 */
export interface OutboxRepository {
  /**
   * Records a message as pending, due at `at` — or, with `lease`, already leased to the sender that
   * records it (one write instead of two; if that sender never marks it, it is due when the lease
   * runs out). False when it is already recorded (in any state).
   */
  record(subscriberId: string, payload: MessagePayload, at: Date, lease?: Lease): Promise<boolean>;
  /** The message, or null when there is none (or it is past its retention at `now`). */
  get(ref: MessageRef, now: Date): Promise<OutboxMessage | null>;
  /**
   * Takes a lease with one conditional write: only if the message is open and due (`dueAt <= now`).
   * The due time moves to the lease's end, so the message leaves the due list until then. Null when
   * it is not due, held by someone else, ended or gone.
   */
  lease(ref: MessageRef, lease: Lease, now: Date): Promise<LeaseTaken | null>;
  /**
   * Marks it sent with the mail service's id (`attempts`: the send attempts this lease made).
   * Succeeds for the lease holder, and for anyone while nobody else has marked it; 'already-sent'
   * when another sender marked it first (it went twice), 'gone' when the message no longer exists
   * (the account was deleted meanwhile).
   */
  markSent(ref: MessageRef, leaseId: string, at: Date, mailMessageId: string, attempts: number): Promise<'marked' | 'already-sent' | 'gone'>;
  /** Gives a held message back, pending and due at `dueAt`. False when the lease was no longer the holder's. */
  release(ref: MessageRef, leaseId: string, dueAt: Date, reason: string, attempts: number): Promise<boolean>;
  /**
   * Ends a message unsent. With a lease id, only the holder may; without, only while it is open
   * and due at `at` (nobody holds it). False otherwise.
   */
  end(ref: MessageRef, state: EndedState, reason: string, at: Date, held?: { leaseId: string; attempts: number }): Promise<boolean>;
  /** Open messages due at or before `now`, oldest due first, at most `limit` per index shard. */
  listDue(now: Date, limit?: number): Promise<OutboxMessage[]>;
}
