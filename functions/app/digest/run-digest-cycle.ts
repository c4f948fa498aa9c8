/**
 * The digest job (DESIGN.md §3): every hour, each confirmed subscriber whose local digest hour has
 * come today and who has not had today's digest gets one — built from their open interviews'
 * plans (a thank-you still due carries the company's good news: app/news/thank-you-news.ts), the
 * last day's good news and the keep-looking section.
 *
 * Through the outbox (app/outbox): the day's digest is recorded as a message before it is sent —
 * one per subscriber and local date, so retries and concurrent runs never send two — then leased,
 * sent and marked sent. A run that dies or stops leaves its messages pending; the next hourly run
 * sends them the same local day, and drops (and counts) those whose day has passed.
 */
import type { Config } from '../../config/env.js';
import type { DigestLinks } from '../../domain/digest/index.js';
import { composeDigest } from './digest-email.js';
import { emailLinks, oneClickUnsubscribeHeaders } from '../email-links.js';
import type { StoredInterview } from '../../domain/interview.js';
import { nextDigestAt } from '../../domain/subscriber-schedule.js';
import type { Subscriber } from '../../domain/subscriber.js';
import { localDate, localHour } from '../../domain/time-zone.js';
import { notRelevantOnDemand } from '../news/not-relevant.js';
import { recentGoodNews, recentNews, type RecentNews } from '../news/recent-good-news.js';
import { foldedNews, planInterviewsWithNews } from '../news/thank-you-news.js';
import { deliverDueMessages, type Composers, type Composition, type MessageOf } from '../outbox/deliver-due.js';
import { OutboxSender, type OutboxTally } from '../outbox/outbox-sender.js';
import { realClock } from '../outbox/pacing.js';
import { refOf, type OutboxRepository, type PayloadOf } from '../outbox/ports.js';
import type {
  ClaimRepository,
  Clock,
  CompanyRepository,
  FeedbackRepository,
  InterviewRepository,
  LinkSigner,
  Logger,
  Mailer,
  NewsRepository,
  OutgoingEmail,
  SubscriberRepository,
  SuppressionRepository,
} from '../ports.js';
import type { RunDeadline } from '../run-deadline.js';
import { DAY_MS } from '../../domain/durations.js';

export interface DigestDeps {
  repos: {
    subscribers: Pick<SubscriberRepository, 'get' | 'listDueForDigest' | 'scheduleNextDigest'>;
    interviews: Pick<InterviewRepository, 'list' | 'markMovedOnNotice' | 'claimCongratsSlot'>;
    companies: Pick<CompanyRepository, 'list'>;
    news: Pick<NewsRepository, 'listSince'>;
    claims: Pick<ClaimRepository, 'alertSentAt'>;
    feedback: Pick<FeedbackRepository, 'list'>;
    suppressions: Pick<SuppressionRepository, 'isSuppressed'>;
    outbox: OutboxRepository;
  };
  mailer: Mailer;
  links: LinkSigner;
  config: Pick<Config, 'publicUrl' | 'outbox'>;
  /** Real time, for the outbox's leases (the run's own instant may be a scheduled one). */
  clock?: Clock;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export interface DigestRunOptions {
  /** When the run must stop taking new work (the Lambda's remaining time, or a stop request). */
  deadline?: RunDeadline;
  /** Other kinds of pending mail this run also delivers (account mail, alerts). */
  alsoDeliver?: Composers;
}

/**
 * What happened to one due subscriber. `already-sent`: today's digest was sent (or ended unsent)
 * by an earlier run; `sending-elsewhere`: another run holds it right now; `pending`: recorded, and
 * left for the next run (the mail service failed, or this run ran out of time).
 */
export type DigestOutcome =
  | 'sent'
  | 'nothing-to-say'
  | 'already-sent'
  | 'sending-elsewhere'
  | 'not-yet-today'
  | 'suppressed'
  | 'refused'
  | 'pending'
  | 'failed';

export interface DigestCycleSummary {
  /** Subscribers the digest index listed as due. */
  due: number;
  /** Digests this run sent: to due subscribers, and ones earlier runs had left pending. */
  sent: number;
  nothingToSay: number;
  alreadySent: number;
  sendingElsewhere: number;
  notYetToday: number;
  suppressed: number;
  /** The mail service refused the digest for good (a bad address). */
  refused: number;
  /** Digests recorded and left pending for the next run. */
  pending: number;
  /** Of the digests sent, those an earlier run had recorded and not sent (it died, stopped or gave up). */
  recovered: number;
  /** Digests an earlier run left whose local day had passed: dropped, not sent late. */
  dropped: number;
  /** Due subscribers this run did not reach before it stopped: still due, the next run takes them. */
  notReached: number;
  failed: number;
  /** Everything this run did with the outbox, every kind of mail included. */
  outbox: OutboxTally;
  ms: number;
}

/** Subscribers handled at once: enough to keep the table busy while one mail at a time goes out. */
const CONCURRENCY = 16;

export type { RecentNews } from '../news/recent-good-news.js';

export async function runDigestCycle(deps: DigestDeps, now: Date, options: DigestRunOptions = {}): Promise<DigestCycleSummary> {
  const started = Date.now();
  const sender = new OutboxSender(deps, { deadline: options.deadline });
  const news = recentNews(deps, now);

  // First what earlier runs left: the oldest mail goes first.
  const composers: Composers = { ...options.alsoDeliver, digest: (message, at) => composeRecordedDigest(deps, message, at, news) };
  const leftovers = (await deliverDueMessages(deps, sender, composers, now)).filter((r) => r.message.kind === 'digest');

  const due = await deps.repos.subscribers.listDueForDigest(now);
  const outcomes: DigestOutcome[] = [];
  let notReached = 0;
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const subscriber = due[next++]!;
      if (sender.stopped) {
        // Not rescheduled: still due, so the next run takes it.
        notReached++;
        continue;
      }
      try {
        outcomes.push(await digestFor(deps, subscriber, now, news, sender));
      } catch (err) {
        deps.logger?.error('digest failed', { subscriberId: subscriber.id, error: err instanceof Error ? err.message : String(err) });
        outcomes.push('failed');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
  const count = (o: DigestOutcome) => outcomes.filter((x) => x === o).length;
  const recovered = leftovers.filter((r) => r.result === 'sent').length;
  return {
    due: due.length,
    sent: count('sent') + recovered,
    nothingToSay: count('nothing-to-say'),
    alreadySent: count('already-sent'),
    sendingElsewhere: count('sending-elsewhere'),
    notYetToday: count('not-yet-today'),
    suppressed: count('suppressed'),
    refused: count('refused'),
    pending: count('pending') + leftovers.filter((r) => r.result === 'pending' || r.result === 'failed').length,
    recovered,
    dropped: leftovers.filter((r) => r.result === 'dropped').length,
    notReached,
    failed: count('failed'),
    outbox: { ...sender.tally },
    ms: Date.now() - started,
  };
}

/** A digest composed for sending, with what to record once it went out. */
interface ComposedDigest {
  localDate: string;
  hasSomethingToSay: boolean;
  email: OutgoingEmail;
  afterSent: () => Promise<void>;
}

/**
 * One subscriber's digest for the local day `now` falls on: recorded in the outbox, then sent
 * through `sender` (one made for this call when none is given).
 */
export async function digestFor(
  deps: DigestDeps,
  subscriber: Subscriber,
  now: Date,
  news: RecentNews = recentNews(deps, now),
  sender: OutboxSender = new OutboxSender(deps),
): Promise<DigestOutcome> {
  const reschedule = () => deps.repos.subscribers.scheduleNextDigest(subscriber.id, nextDigestAt(subscriber, now));

  // Due from an earlier day but today's hour has not come yet: yesterday's is gone, wait for today's.
  if (localHour(now, subscriber.timeZone) < subscriber.digestHour) {
    await reschedule();
    return 'not-yet-today';
  }
  if (await deps.repos.suppressions.isSuppressed(subscriber.email)) {
    await reschedule();
    return 'suppressed';
  }
  const digest = await composeDigestFor(deps, subscriber, now, news);
  if (!digest.hasSomethingToSay && !subscriber.dailyEvenIfEmpty) {
    await reschedule();
    return 'nothing-to-say';
  }

  // Recorded first (once per local day, whoever records it); from here the outbox sees it sent.
  const payload: PayloadOf<'digest'> = { kind: 'digest', localDate: digest.localDate };
  const ref = refOf(subscriber.id, payload);
  const clock = deps.clock ?? realClock;
  await deps.repos.outbox.record(subscriber.id, payload, clock.now());
  await reschedule();

  const delivery = await sender.deliver(ref, digest.email);
  switch (delivery.outcome) {
    case 'sent':
      await digest.afterSent();
      deps.logger?.info('digest sent', { subscriberId: subscriber.id, localDate: digest.localDate, messageId: delivery.mailMessageId });
      return 'sent';
    case 'suppressed':
    case 'refused':
    case 'pending':
      return delivery.outcome;
    case 'not-due': {
      const message = await deps.repos.outbox.get(ref, clock.now());
      return message?.state === 'pending' || message?.state === 'leased' ? 'sending-elsewhere' : 'already-sent';
    }
  }
}

/**
 * A digest an earlier run recorded and did not send, composed now — or ended: too late once the
 * subscriber's local day has passed (a digest is about its day), nothing to send when they left.
 */
async function composeRecordedDigest(deps: DigestDeps, message: MessageOf<'digest'>, now: Date, news: RecentNews): Promise<Composition> {
  const subscriber = await deps.repos.subscribers.get(message.subscriberId);
  if (!subscriber || subscriber.status !== 'confirmed') return { end: 'skipped', reason: 'the subscriber is no longer confirmed' };
  const today = localDate(now, subscriber.timeZone);
  if (today !== message.payload.localDate) {
    return { end: 'dropped', reason: today > message.payload.localDate ? 'its local day has passed' : 'it is for another local day' };
  }
  if (await deps.repos.suppressions.isSuppressed(subscriber.email)) return { end: 'suppressed', reason: 'address suppressed' };
  const digest = await composeDigestFor(deps, subscriber, now, news);
  if (!digest.hasSomethingToSay && !subscriber.dailyEvenIfEmpty) return { end: 'skipped', reason: 'nothing to say' };
  return { send: digest.email, afterSent: digest.afterSent };
}

/** Builds the digest mail (every signed link in it is made now, never stored). */
async function composeDigestFor(deps: DigestDeps, subscriber: Subscriber, now: Date, news: RecentNews): Promise<ComposedDigest> {
  const [interviews, companies] = await Promise.all([deps.repos.interviews.list(subscriber.id), deps.repos.companies.list(subscriber.id)]);
  // The "not relevant" marks are read once, and only when some story is there to check.
  const scope = { subscriberId: subscriber.id, companies, interviews, notRelevant: notRelevantOnDemand(deps, subscriber.id) };
  const planned = await planInterviewsWithNews(deps, scope, now);
  const plans = planned.map(({ interview, plan }) => ({ interview, plan }));
  const goodNews = await recentGoodNews(deps, scope, now, news, foldedNews(planned));
  const links = signedLinks(deps, subscriber.id, now, new Map(companies.map((c) => [c.id, c.key])));
  const digest = await composeDigest({
    settings: subscriber,
    now,
    interviews: plans,
    goodNews,
    keepLooking: {
      openInterviews: plans.filter((p) => p.plan.status === 'open').length,
      daysSinceLastInterviewLogged: daysSinceLastLogged(interviews, now),
    },
    links,
  });
  const unsubscribe = await links.unsubscribe();
  return {
    localDate: digest.localDate,
    hasSomethingToSay: digest.hasSomethingToSay,
    email: {
      to: subscriber.email,
      subject: digest.subject,
      text: digest.text,
      html: digest.html,
      kind: 'digest',
      headers: oneClickUnsubscribeHeaders(unsubscribe),
    },
    afterSent: async () => {
      await Promise.all(digest.movedOnNoticeFor.map((id) => deps.repos.interviews.markMovedOnNotice(subscriber.id, id, now)));
      // Digest-mode subscribers get their congratulations suggestions here: they count toward R8's spacing.
      if (subscriber.alerts === 'digest') {
        const suggested = new Set(goodNews.filter((n) => n.note).flatMap((n) => n.interviewIds));
        await Promise.all([...suggested].map((id) => deps.repos.interviews.claimCongratsSlot(subscriber.id, id, now, 14)));
      }
    },
  };
}

function daysSinceLastLogged(interviews: StoredInterview[], now: Date): number | null {
  if (interviews.length === 0) return null;
  const latest = Math.max(...interviews.map((i) => Date.parse(i.createdAt)));
  return Math.max(0, Math.floor((now.getTime() - latest) / DAY_MS));
}

/** The digest's one-click links: signed, expiring, each good for one thing. */
function signedLinks(deps: DigestDeps, subscriberId: string, now: Date, companyKeys: Map<string, string>): DigestLinks {
  const link = emailLinks(deps, subscriberId, now);
  return {
    interviewEvent: (interviewId, event) => link('interview-event', { interviewId, type: event }),
    stopWatching: (companyId) => link('stop-watching', { companyId }),
    notRelevant: (companyId, storyId) => link('not-relevant', { companyKey: companyKeys.get(companyId) ?? '', storyId }),
    unsubscribe: () => link('unsubscribe'),
    calendar: (interviewId, action) => link('calendar', { interviewId, type: action.type, dueOn: action.dueOn }),
  };
}
