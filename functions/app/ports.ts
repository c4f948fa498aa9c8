/**
 * The small interfaces use cases depend on. Adapters implement them (DynamoDB, SES, HTTP,
 * the clock); tests hand in the real local servers or fakes.
 */
import type { WatchedCompany } from '../domain/company.js';
import type { FeedSource } from '../domain/feed-source.js';
import type { InterviewEvent, StoredInterview } from '../domain/interview.js';
import type { Story } from '../domain/news.js';
import type { Subscriber, SubscriberSettings } from '../domain/subscriber.js';
import type { OutboxRepository } from './outbox/ports.js';

/**
 * Structured logs: one JSON line per call, with context keys that are ids (company, feed,
 * subscriber id) — never an email address or a token. The adapter is Powertools' Logger.
 */
export interface Logger {
  debug(message: string, ...extra: Record<string, unknown>[]): void;
  info(message: string, ...extra: Record<string, unknown>[]): void;
  warn(message: string, ...extra: Record<string, unknown>[]): void;
  error(message: string, ...extra: Record<string, unknown>[]): void;
}

/** What the previous fetch of a feed left behind, for a conditional GET. */
export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

/** What a feed fetch produced when the server answered in a way the poller acts on. */
export type FetchResult =
  | {
      kind: 'ok';
      /** The final URL, after redirects. */
      url: string;
      status: number;
      text: string;
      charset: string;
      /** Decompressed body size. */
      bytes: number;
      etag?: string;
      lastModified?: string;
    }
  | { kind: 'not-modified'; url: string; etag?: string; lastModified?: string }
  /** 429 or 503: come back later; `retryAfter` is null when the server did not say when. */
  | { kind: 'retry-later'; url: string; status: 429 | 503; retryAfter: Date | null }
  /** 410: the feed is gone for good. */
  | { kind: 'gone'; url: string };

/**
 * Fetches a feed the product does not trust (DESIGN.md §2 "Fetch safely"): address rules, size,
 * time and redirect caps are the adapter's. Anything else that goes wrong rejects with an
 * AppError whose message is one readable line naming the URL (code `fetch_refused` when trying
 * again cannot help).
 */
export type FeedFetcher = (url: string, options?: { validators?: FeedValidators }) => Promise<FetchResult>;

/** Whether the parts the product needs answer (GET /health, and the CLI before a job). */
export interface ReadinessReport {
  ok: boolean;
  /** One short line per part that failed, for logs only: never shown to a caller. */
  problems: Array<{ part: 'table' | 'mail'; problem: string }>;
}

/** Every repository the use cases need (one table behind them all). */
export interface Repositories {
  subscribers: SubscriberRepository;
  companies: CompanyRepository;
  interviews: InterviewRepository;
  sources: SourceRepository;
  news: NewsRepository;
  claims: ClaimRepository;
  outbox: OutboxRepository;
  suppressions: SuppressionRepository;
  tickets: TicketRepository;
  rateLimiter: RateLimiter;
  quotas: QuotaRepository;
  feedback: FeedbackRepository;
  pollPlans: PollPlanRepository;
}

/** Time comes in from outside so every rule can be tested at any instant. */
export interface Clock {
  now(): Date;
}

export interface SubscriberRepository {
  get(id: string): Promise<Subscriber | null>;
  findByEmail(email: string): Promise<Subscriber | null>;
  /**
   * Creates a pending subscriber unless the address is already known (a conditional put on the
   * email), and returns whoever owns the address now.
   */
  createIfAbsent(subscriber: Subscriber): Promise<{ created: boolean; subscriber: Subscriber }>;
  /** Writes the whole profile (keeps the digest index entry in step with status and nextDigestAt). */
  save(subscriber: Subscriber): Promise<void>;
  updateSettings(id: string, settings: Partial<SubscriberSettings> & { nextDigestAt?: string }): Promise<Subscriber>;
  /**
   * Moves a confirmed subscriber's next digest instant (one conditional update; a subscriber who
   * unsubscribed meanwhile stays out of the digest index).
   */
  scheduleNextDigest(id: string, nextDigestAt: string): Promise<void>;
  /** Confirmed subscribers whose next digest instant is at or before `now`, across all shards. */
  listDueForDigest(now: Date, limit?: number): Promise<Subscriber[]>;
  addApiToken(id: string, tokenHash: string, at: Date): Promise<void>;
  findIdByApiToken(tokenHash: string): Promise<string | null>;
  /**
   * Moves the subscriber's calendar feed key on by one (one atomic update) and returns the new
   * version: every feed link made with an older version stops working.
   */
  renewCalendarKey(id: string): Promise<number>;
  /** The token's record, read strongly consistently so a token revoked a moment ago is refused. */
  findApiToken(tokenHash: string): Promise<ApiTokenRecord | null>;
  /** Every API token the subscriber holds. */
  listApiTokens(id: string): Promise<ApiTokenRecord[]>;
  /**
   * Records that the token was used at `at`, unless a use at or after `unlessSince` is recorded
   * already (one conditional write; losing the race is fine).
   */
  recordApiTokenUse(tokenHash: string, at: Date, unlessSince: Date): Promise<void>;
  /** Deletes one of the subscriber's tokens; false when they hold no such token. */
  revokeApiToken(id: string, tokenHash: string): Promise<boolean>;
  /** Web sessions started at or before `at` are refused from now on ("sign out everywhere"). */
  endSessionsBefore(id: string, at: Date): Promise<void>;
  /** Every item the subscriber owns, raw, for export. */
  exportAll(id: string): Promise<Record<string, unknown>[]>;
  /** Removes the subscriber and everything that is theirs. */
  deleteAll(id: string): Promise<void>;
}

/** An API token as stored: only its hash, never the token. */
export interface ApiTokenRecord {
  tokenHash: string;
  subscriberId: string;
  createdAt: string;
  /** When it was last used, to within an hour (functions/app/account/api-tokens.ts). */
  lastUsedAt?: string;
}

export interface CompanyRepository {
  list(subscriberId: string): Promise<WatchedCompany[]>;
  get(subscriberId: string, companyId: string): Promise<WatchedCompany | null>;
  put(company: WatchedCompany): Promise<void>;
  delete(subscriberId: string, companyId: string): Promise<boolean>;
  /** Who watches the company with this key (an index query, never a scan). */
  listWatchers(companyKey: string): Promise<WatchedCompany[]>;
}

export interface InterviewRepository {
  list(subscriberId: string): Promise<StoredInterview[]>;
  get(subscriberId: string, interviewId: string): Promise<StoredInterview | null>;
  put(interview: StoredInterview): Promise<void>;
  delete(subscriberId: string, interviewId: string): Promise<boolean>;
  /**
   * Records that a congratulations note was suggested, only if none was in the last `spacingDays`
   * (R8). Returns false when another suggestion got there first. An alert takes it `forAlert` a
   * story: the slot is then free when the last suggestion is at or before `freeIfBefore`, or was
   * taken for that same story (its alert sent again after a run died), and it records the story.
   */
  claimCongratsSlot(
    subscriberId: string,
    interviewId: string,
    at: Date,
    spacingDays: number,
    forAlert?: { storyKey: string; freeIfBefore: Date },
  ): Promise<boolean>;
  /** Records once that the moved-on notice was given (R5). Returns false if it already was. */
  markMovedOnNotice(subscriberId: string, interviewId: string, at: Date): Promise<boolean>;
  /**
   * Appends one event atomically (concurrent appends all land). Returns the interview as stored
   * afterwards, or null when it does not exist or already holds `maxEvents` events.
   */
  appendEvent(subscriberId: string, interviewId: string, event: InterviewEvent, at: Date, maxEvents: number): Promise<StoredInterview | null>;
  /** Writes the interview only if it was not changed since `expectedUpdatedAt`; false otherwise. */
  replace(interview: StoredInterview, expectedUpdatedAt: string): Promise<boolean>;
}

/** What a subscriber told us about a story (e.g. "not relevant" from an alert's link). */
export interface StoryFeedback {
  subscriberId: string;
  companyKey: string;
  storyId: string;
  verdict: 'not-relevant';
  at: string;
}

export interface FeedbackRepository {
  /** Records the verdict (repeating it is harmless: one item per subscriber and story). */
  record(feedback: StoryFeedback): Promise<void>;
  list(subscriberId: string): Promise<StoryFeedback[]>;
}

export interface SourceRepository {
  get(id: string): Promise<FeedSource | null>;
  /** Several sources at once (those that exist), in no particular order. */
  getMany(ids: readonly string[]): Promise<FeedSource[]>;
  /** Creates the source if it is new; an existing source keeps its state but is re-enabled. */
  upsertWatched(source: Pick<FeedSource, 'id' | 'url' | 'kind' | 'companyKey' | 'companyName' | 'fallbackFor'>, now: Date): Promise<FeedSource>;
  save(source: FeedSource): Promise<void>;
  /** Saves several sources' states in batches (the poll cycle's health updates). */
  saveMany(sources: FeedSource[]): Promise<void>;
  /**
   * Sources polled at their next attempt (new, failing, waiting for Retry-After) whose next attempt
   * is at or before `now` (index query over shards). Healthy sources are on a schedule instead.
   */
  listDue(now: Date, limit?: number): Promise<FeedSource[]>;
  /** Healthy sources whose schedule makes them due in the hourly slot `slot` (poll-schedule.ts). */
  listScheduled(slot: number): Promise<FeedSource[]>;
  /**
   * Claims a due source for one poller with a single conditional write: moves its next attempt
   * to `leaseUntil` if it is still enabled and its next attempt is still `expectedNextAttemptAt`.
   * False when another poller got there first (or the source changed). An unfinished lease simply
   * runs out, and the source is due again. (Healthy sources are leased by batch: PollPlanRepository.)
   */
  lease(sourceId: string, expectedNextAttemptAt: string, leaseUntil: Date): Promise<boolean>;
  addWatcher(sourceId: string, subscriberId: string, companyId: string): Promise<void>;
  removeWatcher(sourceId: string, subscriberId: string, companyId: string): Promise<void>;
  countWatchers(sourceId: string): Promise<number>;
}

export interface NewsRepository {
  /** Stores a story unless one with the same id exists; returns whether it was new. */
  putIfNew(story: Story): Promise<boolean>;
  /**
   * Stores stories the caller already found to be new (absent from `listSince`), in batches and
   * without a condition: a concurrent writer of the same id writes the same story, and alerts are
   * guarded by their own claims.
   */
  putMany(stories: Story[]): Promise<void>;
  get(companyKey: string, storyId: string): Promise<Story | null>;
  update(story: Story): Promise<void>;
  /**
   * The company's stories first seen at or after `since`, newest first; with `sourceIds`, only
   * those one of these sources carried (`limit` then counts those).
   */
  listSince(companyKey: string, since: Date, limit?: number, options?: { sourceIds?: readonly string[] }): Promise<Story[]>;
}

/**
 * One hourly slot's plan for the healthy, scheduled sources: how many batches they were split into
 * (by company: batchOf in poll-schedule.ts), which batch is leased until when, and which are done.
 */
export interface SlotPlan {
  /** The slot's name (poll-schedule.ts `slotName`). */
  slot: string;
  batches: number;
  /** Lease end per batch index (ISO), for batches taken. */
  leases: Record<number, string>;
  /** When each finished batch was done (ISO). */
  done: Record<number, string>;
}

/** Leases for the scheduled sources, a batch at a time: one write per batch, never one per feed. */
export interface PollPlanRepository {
  get(slot: string): Promise<SlotPlan | null>;
  /** The plans of these slots that exist. */
  getMany(slots: readonly string[]): Promise<SlotPlan[]>;
  /**
   * Creates the slot's plan of `batches` batches with one conditional write, with the batches in
   * `leased` leased until its `until` (none, when null: a planner hands them out). Null when the
   * slot already has a plan.
   */
  create(slot: string, batches: number, leased: { indexes: readonly number[]; until: Date } | null, now: Date): Promise<SlotPlan | null>;
  /**
   * Leases the batches with one conditional write, all or none: each must be not done and not
   * leased, or its lease must have run out by `now`.
   */
  lease(slot: string, indexes: readonly number[], now: Date, leaseUntil: Date): Promise<boolean>;
  /** Marks batches done (one write). */
  finish(slot: string, indexes: readonly number[], at: Date): Promise<void>;
  /**
   * Gives back batches a cycle held until `heldUntil` and did not finish (it was asked to stop), so
   * the next cycle may take them at once (one write; a batch whose lease changed meanwhile is left alone).
   */
  release(slot: string, indexes: readonly number[], heldUntil: Date): Promise<void>;
}

/**
 * Alert claims: whoever claims first sends; everyone else does nothing. (Digests and account mail
 * go through the outbox: app/outbox/ports.ts.)
 */
export interface ClaimRepository {
  claimAlert(subscriberId: string, companyKey: string, storyId: string, at: Date, detail?: Record<string, string>): Promise<boolean>;
  markAlertSent(subscriberId: string, companyKey: string, storyId: string, at: Date, messageId: string): Promise<void>;
  /**
   * When the congratulations alert for this story went to the subscriber (ISO time the send was
   * recorded), or null when none did: a claim whose send never happened or was not recorded counts as none.
   */
  alertSentAt(subscriberId: string, companyKey: string, storyId: string): Promise<string | null>;
}

export interface SuppressionRepository {
  suppress(email: string, reason: string, at: Date): Promise<void>;
  isSuppressed(email: string): Promise<boolean>;
}

/** Single-use, expiring tickets (confirmation, sign-in, email actions); only hashes are stored. */
export interface TicketRepository {
  create(ticketHash: string, ticket: Ticket): Promise<void>;
  /** Returns the ticket if it exists, has not expired and has not been used. */
  peek(ticketHash: string, now: Date): Promise<Ticket | null>;
  /** Marks the ticket used; only one caller ever gets it back. */
  consume(ticketHash: string, now: Date): Promise<Ticket | null>;
}

export interface Ticket {
  purpose: string;
  subscriberId?: string;
  email?: string;
  data?: Record<string, string>;
  createdAt: string;
  expiresAt: string;
}

/** What a subscriber's quotas count (functions/domain/quotas.ts). */
export type QuotaKind = 'companies' | 'interviews';

/**
 * Per-subscriber counters that make a quota hold under concurrent requests: a unit is taken with
 * one conditional write before the thing it counts is stored, and given back when it is removed.
 */
export interface QuotaRepository {
  /**
   * Takes one unit at `now` if fewer than `limit` are taken. Refused: `counted` is the count as
   * stored, or null when nothing was counted yet for this subscriber (the use case then
   * {@link start}s it), and `lastTakenAt` when a unit was last taken.
   */
  take(
    subscriberId: string,
    kind: QuotaKind,
    limit: number,
    now: Date,
  ): Promise<{ taken: true } | { taken: false; counted: number | null; lastTakenAt: string | null }>;
  /** Starts the count at `count` unless another request started it first. */
  start(subscriberId: string, kind: QuotaKind, count: number): Promise<void>;
  /** Moves the count from `from` to `to` if it is still `from`; false when it changed meanwhile. */
  correct(subscriberId: string, kind: QuotaKind, from: number, to: number): Promise<boolean>;
  /** Gives one unit back (never below zero). */
  giveBack(subscriberId: string, kind: QuotaKind): Promise<void>;
}

/** Fixed-window counters for throttling mail and requests. */
export interface RateLimiter {
  /** Counts one hit; returns false when the scope is over `limit` in the current window. */
  hit(scope: string, limit: number, windowSeconds: number, now: Date): Promise<boolean>;
}

/**
 * The keys that sign email links: the current one signs; it and the previous ones still verify,
 * so links already in mailboxes keep working after a rotation. Key bytes only — never stored in
 * the table (on AWS they live in Secrets Manager, in local mode in a file only the owner reads).
 */
export interface LinkKeyRing {
  current: Uint8Array;
  previous: Uint8Array[];
}

export interface LinkKeySource {
  /** Reads the keys: at a function's cold start, and again when a link names a key not known yet. */
  load(): Promise<LinkKeyRing>;
}

/** One email as the product sends it: both parts, and headers such as List-Unsubscribe. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** Tag for the log line and SES metrics (e.g. "digest", "alert", "confirmation"). */
  kind: string;
}

export interface Mailer {
  /**
   * `suppressed` is true when nothing was sent because the address bounced or complained. Rejects
   * with a MailDeliveryError saying whether trying again may help (app/errors.ts).
   */
  send(email: OutgoingEmail): Promise<{ messageId: string; suppressed?: boolean }>;
  /** The most mails per second the mail account accepts, when the service says (SES: the send quota). */
  maxSendRate?(): Promise<number | null>;
}

/** What a signed email link may do; each link does exactly one thing. */
export type LinkPurpose = 'unsubscribe' | 'interview-event' | 'stop-watching' | 'not-relevant' | 'calendar' | 'calendar-feed';

export interface LinkPayload {
  purpose: LinkPurpose;
  subscriberId: string;
  data: Record<string, string>;
}

/** Signs and checks the one-click links put in emails (expiring, single-purpose, tamper-proof). */
export interface LinkSigner {
  sign(payload: LinkPayload, now: Date, ttlSeconds?: number): Promise<string>;
  /** The payload, or null when the token is forged, expired or malformed. */
  verify(token: string, now: Date): Promise<LinkPayload | null>;
}
