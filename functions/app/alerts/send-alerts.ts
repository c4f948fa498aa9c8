/**
 * Congratulations alerts through the outbox (DESIGN.md §3 "Never twice, never lost"): one new
 * positive story becomes at most one alert per watcher and story, ever.
 *
 * 1. Record (`recordAlert`): the story comes as these watchers see it — the copy from one of their
 *    own sources (DESIGN.md §2 "Provenance"; app/poll/steps/alert.ts chooses it). A watcher gets an
 *    alert message when one of their sources carried the story, it is about the company by *their*
 *    names and exclusions, they are confirmed, not suppressed and want instant alerts, and an
 *    interview with the company may be offered something (R6, R8: a congratulations note, or the
 *    thank-you with the news folded in). The poll records these messages BEFORE it stores the
 *    story: a run that dies after storing it has left the pending alert in the table, where the next
 *    run finds it even when the feed then answers 304.
 * 2. Compose (`composeAlert`), when the message is sent — by the run that recorded it, or by the
 *    next poll or digest run for one a dead run left: the story, subscriber, company and interviews
 *    are read again (or taken from what this run already read) and every rule is checked again, the
 *    interviews' congratulations slots are taken for this story, and the mail is written.
 * 3. The outbox sender leases, sends and marks it sent (app/outbox).
 */
import type { Config } from '../../config/env.js';
import type { WatchedCompany } from '../../domain/company.js';
import { planFollowUps } from '../../domain/follow-up/index.js';
import { NEWS_IN_THANK_YOU } from '../../domain/follow-up/plan.js';
import type { StoredInterview } from '../../domain/interview.js';
import { alertOffer, CONGRATS_SPACING_DAYS, slotFreeIfBefore, type AlertOffer } from '../../domain/news-watch/congratulations-allowed.js';
import { isStale } from '../../domain/news-watch/freshness.js';
import { storySeenBy } from '../../domain/news-watch/provenance.js';
import { isAboutCompany } from '../../domain/news-watch/relevance.js';
import type { Story } from '../../domain/news.js';
import type { Subscriber } from '../../domain/subscriber.js';
import { emailLinks } from '../email-links.js';
import type { Composer, Composition, MessageOf } from '../outbox/deliver-due.js';
import { realClock } from '../outbox/pacing.js';
import { messageKey, refOf, type Lease, type OutboxRepository, type PayloadOf } from '../outbox/ports.js';
import type { Clock, CompanyRepository, InterviewRepository, LinkSigner, Logger, Mailer, NewsRepository, SubscriberRepository, SuppressionRepository } from '../ports.js';
import type { WriteCongratulations } from '../poll/collaborators.js';
import { composeAlertEmail, type AlertNote } from './alert-email.js';

export interface AlertDeps {
  repos: {
    interviews: Pick<InterviewRepository, 'list' | 'claimCongratsSlot'>;
    suppressions: Pick<SuppressionRepository, 'isSuppressed'>;
    subscribers: Pick<SubscriberRepository, 'get'>;
    companies: Pick<CompanyRepository, 'get'>;
    news: Pick<NewsRepository, 'get'>;
    outbox: OutboxRepository;
  };
  mailer: Mailer;
  links: LinkSigner;
  config: Pick<Config, 'publicUrl' | 'outbox'>;
  writeNote: WriteCongratulations;
  /** Real time, for the outbox's records and leases (a run's own instant may be a scheduled one). */
  clock?: Clock;
  logger?: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
}

/** What became of a story's watchers in one run. */
export interface AlertTally {
  sent: number;
  skipped: number;
  failed: number;
  /** Recorded, and left pending for a later run (it stopped, or the mail service failed). */
  pending: number;
}

export const NO_ALERTS: AlertTally = { sent: 0, skipped: 0, failed: 0, pending: 0 };

export function addTallies(a: AlertTally, b: AlertTally): AlertTally {
  return { sent: a.sent + b.sent, skipped: a.skipped + b.skipped, failed: a.failed + b.failed, pending: a.pending + b.pending };
}

/**
 * What one run has already read, kept so that a subscriber watching several companies, or a
 * company with several new stories, is read once per run; the stories and companies a poll has in
 * hand are put here so composing its own alerts reads nothing again. An interview whose slot this
 * run took is updated here too.
 */
export interface AlertSession {
  subscribers: Map<string, Promise<Subscriber | null>>;
  suppressed: Map<string, Promise<boolean>>;
  interviews: Map<string, Promise<StoredInterview[]>>;
  companies: Map<string, Promise<WatchedCompany | null>>;
  stories: Map<string, Promise<Story | null>>;
  /** Interviews a story recorded this run will offer something for: a later (older) story skips them. */
  reserved: Map<string, string>;
}

export function createAlertSession(): AlertSession {
  return { subscribers: new Map(), suppressed: new Map(), interviews: new Map(), companies: new Map(), stories: new Map(), reserved: new Map() };
}

function remember<K, V>(map: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> {
  let value = map.get(key);
  if (!value) {
    value = load();
    map.set(key, value);
    // A failed read is not remembered: the next story tries again.
    value.catch(() => map.delete(key));
  }
  return value;
}

const companyEntry = (subscriberId: string, companyId: string) => `${subscriberId}\n${companyId}`;
const storyEntry = (companyKey: string, storyId: string) => `${companyKey}\n${storyId}`;

/** Hands the session a story and a watcher this run already holds (what a poll just found). */
export function rememberFound(session: AlertSession, story: Story, watcher: WatchedCompany): void {
  session.stories.set(storyEntry(story.companyKey, story.id), Promise.resolve(story));
  session.companies.set(companyEntry(watcher.subscriberId, watcher.id), Promise.resolve(watcher));
}

/** The key an alert's message, and the interview slot it takes, carry: `<companyKey>#<storyId>`. */
export function alertKey(story: Pick<Story, 'companyKey' | 'id'>): string {
  return messageKey({ kind: 'alert', companyKey: story.companyKey, storyId: story.id, companyId: '-' });
}

/** Worth a congratulations note now: the classifier congratulates, and the news is fresh and dated. */
export function isGoodNews(copy: Pick<Story, 'classification' | 'publishedAt'>, now: Date): boolean {
  return copy.classification?.congratulate === true && !isStale(copy.publishedAt, now);
}

/**
 * Whether a watcher got an alert message — with the lease it was recorded with, when the caller's
 * sender gave one — or why not (logged, and returned for tests).
 */
export type RecordDecision = { recorded: true; message: MessageOf<'alert'>; held?: Lease } | { recorded: false; reason: string };

/** An interview, and what an alert about the story may offer for it. */
interface Offered {
  interview: StoredInterview;
  offer: Extract<AlertOffer, { offer: 'congratulations' | 'thank-you' }>['offer'];
}

function offersFor(interviews: readonly StoredInterview[], companyId: string, storyKey: string, now: Date): Offered[] {
  return interviews
    .filter((i) => i.companyId === companyId)
    .flatMap((interview) => {
      const verdict = alertOffer(interview, now, storyKey);
      return verdict.offer ? [{ interview, offer: verdict.offer }] : [];
    });
}

/**
 * Decides whether one watcher is owed an alert about `view` (the story as their own source told
 * it) and, if so, records the alert message in the outbox: pending, or already leased to the
 * caller's sender when it offers a lease (`lease()`: OutboxSender.leaseForNewMessage). Nothing is
 * sent here.
 */
export async function recordAlert(
  deps: AlertDeps,
  session: AlertSession,
  view: Story,
  watcher: WatchedCompany,
  now: Date,
  lease: { take(): Lease | null; settled(lease: Lease): void } = { take: () => null, settled: () => undefined },
): Promise<RecordDecision> {
  const subscriberId = watcher.subscriberId;
  if (view.sourceIds.length > 0 && !view.sourceIds.some((id) => watcher.sourceIds.includes(id))) {
    return { recorded: false, reason: 'none of the watcher’s sources carried the story' };
  }
  if (!isAboutCompany(view, { name: watcher.name, aliases: watcher.aliases, exclude: watcher.exclude })) {
    return { recorded: false, reason: 'not about the company by this watcher’s names and exclusions' };
  }
  const subscriber = await remember(session.subscribers, subscriberId, () => deps.repos.subscribers.get(subscriberId));
  if (!subscriber || subscriber.status !== 'confirmed') return { recorded: false, reason: 'subscriber not confirmed' };
  if (subscriber.alerts !== 'instant') return { recorded: false, reason: 'subscriber reads news in the digest' };
  if (await remember(session.suppressed, subscriber.email, () => deps.repos.suppressions.isSuppressed(subscriber.email))) {
    return { recorded: false, reason: 'address suppressed' };
  }
  const key = alertKey(view);
  const interviews = await remember(session.interviews, subscriberId, () => deps.repos.interviews.list(subscriberId));
  const offered = offersFor(interviews, watcher.id, key, now).filter((o) => (session.reserved.get(o.interview.id) ?? key) === key);
  if (offered.length === 0) return { recorded: false, reason: 'no interview with the company may be offered a note now' };
  // The newest good news gets the interview's slot: an older story found in the same run skips it.
  for (const { interview } of offered) session.reserved.set(interview.id, key);

  const payload: PayloadOf<'alert'> = { kind: 'alert', companyKey: view.companyKey, storyId: view.id, companyId: watcher.id };
  const at = (deps.clock ?? realClock).now();
  const held = lease.take();
  let recorded = false;
  try {
    recorded = await deps.repos.outbox.record(subscriberId, payload, at, held ?? undefined);
  } finally {
    // Recorded before (or the write failed): nothing will be sent under this lease.
    if (held && !recorded) lease.settled(held);
  }
  if (!recorded) return { recorded: false, reason: 'already recorded' };
  const iso = at.toISOString();
  const state = held
    ? { state: 'leased' as const, dueAt: held.until.toISOString(), leaseId: held.id, leases: 1 }
    : { state: 'pending' as const, dueAt: iso, leases: 0 };
  return {
    recorded: true,
    message: { ...refOf(subscriberId, payload), kind: 'alert', payload, createdAt: iso, attempts: 0, ...state },
    ...(held ? { held } : {}),
  };
}

/**
 * A pending alert whose story is not in the table yet (the run that recorded it died before storing
 * it; the next poll of its feed stores it again) waits this long; then it is dropped, and counted.
 */
export const STORY_WAIT_MS = 2 * 3600_000;

/** A stable note variant per (story, interview), so a re-sent alert reads the same. */
function variantFor(storyId: string, interviewId: string): number {
  let h = 0;
  for (const ch of `${storyId}:${interviewId}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

/**
 * Composes one recorded alert at `now`, checking every rule again: the subscriber (confirmed,
 * instant alerts, not suppressed), the company still watched, the story as their own source told
 * it (about the company by their names, good news, still fresh), and the interviews that may be
 * offered something now — whose congratulations slots it takes for this story. Or says why it ends
 * unsent, or that it must wait for its story.
 */
export async function composeAlert(deps: AlertDeps, session: AlertSession, message: MessageOf<'alert'>, now: Date): Promise<Composition> {
  const { subscriberId } = message;
  const { companyKey, storyId, companyId } = message.payload;
  const subscriber = await remember(session.subscribers, subscriberId, () => deps.repos.subscribers.get(subscriberId));
  if (!subscriber) return { end: 'skipped', reason: 'the account is gone' };
  if (subscriber.status !== 'confirmed') return { end: 'skipped', reason: 'the subscriber is no longer confirmed' };
  if (subscriber.alerts !== 'instant') return { end: 'skipped', reason: 'the subscriber reads news in the digest' };
  if (await remember(session.suppressed, subscriber.email, () => deps.repos.suppressions.isSuppressed(subscriber.email))) {
    return { end: 'suppressed', reason: 'address suppressed' };
  }
  const company = await remember(session.companies, companyEntry(subscriberId, companyId), () => deps.repos.companies.get(subscriberId, companyId));
  if (!company || company.key !== companyKey) return { end: 'skipped', reason: 'the company is no longer watched' };
  const story = await remember(session.stories, storyEntry(companyKey, storyId), () => deps.repos.news.get(companyKey, storyId));
  if (!story) {
    const waited = (deps.clock ?? realClock).now().getTime() - Date.parse(message.createdAt);
    return waited < STORY_WAIT_MS ? { wait: 'its story is not stored yet' } : { end: 'dropped', reason: 'its story was never stored' };
  }
  const view = storySeenBy(story, company.sourceIds);
  if (!view) return { end: 'skipped', reason: 'none of the subscriber’s sources carried the story' };
  if (!isAboutCompany(view, { name: company.name, aliases: company.aliases, exclude: company.exclude })) {
    return { end: 'skipped', reason: 'not about the company by the subscriber’s names and exclusions' };
  }
  if (view.classification?.congratulate !== true) return { end: 'skipped', reason: 'not good news as the subscriber’s source told it' };
  if (isStale(view.publishedAt, now)) return { end: 'dropped', reason: 'too late: the news is no longer fresh' };

  const key = alertKey(view);
  const interviews = await remember(session.interviews, subscriberId, () => deps.repos.interviews.list(subscriberId));
  const offered = offersFor(interviews, companyId, key, now);
  if (offered.length === 0) return { end: 'skipped', reason: 'no interview with the company may be offered a note now' };
  const slotted: Offered[] = [];
  for (const o of offered) {
    const forAlert = { storyKey: key, freeIfBefore: slotFreeIfBefore(o.offer, o.interview, now) };
    const won = await deps.repos.interviews.claimCongratsSlot(subscriberId, o.interview.id, now, CONGRATS_SPACING_DAYS, forAlert);
    if (won) slotted.push(o);
    // Taken now, by this alert or another: either way no other story this run may use it.
    o.interview.lastCongratsSuggestedAt = now.toISOString();
    o.interview.lastCongratsStoryKey = won ? key : undefined;
  }
  if (slotted.length === 0) return { end: 'skipped', reason: 'another suggestion took the interviews’ congratulations slots' };

  const link = emailLinks(deps, subscriberId, now);
  const notes: AlertNote[] = await Promise.all(slotted.map((o) => noteFor(deps, o, view, now, link)));
  const email = composeAlertEmail({
    to: subscriber.email,
    companyName: company.name,
    story: view,
    notes,
    notRelevantUrl: await link('not-relevant', { companyKey, storyId }),
    stopWatchingUrl: await link('stop-watching', { companyId }),
    unsubscribeUrl: await link('unsubscribe'),
    timeZone: subscriber.timeZone,
  });
  return { send: email };
}

/**
 * The note for one interview: a congratulations note, or the thank-you with one sentence about the
 * news — the plan's own draft (`planFollowUps` with the news), so the alert, the digest, the Today
 * page and GET /v1/plan offer the same note — whose "I sent it" records the thank-you.
 */
async function noteFor(deps: AlertDeps, { interview, offer }: Offered, view: Story, now: Date, link: ReturnType<typeof emailLinks>): Promise<AlertNote> {
  const news = { title: view.title, event: view.classification?.event ?? null, ...(view.summary ? { summary: view.summary } : {}) };
  if (offer === 'thank-you') {
    const thankYou = planFollowUps(interview, now, { news }).actions.find((a) => a.type === 'send-thank-you' && a.draft);
    if (thankYou?.draft) {
      return {
        kind: 'thank-you',
        interview,
        draft: thankYou.draft,
        why: thankYou.why,
        newsFolded: thankYou.why.includes(NEWS_IN_THANK_YOU),
        sentUrl: await link('interview-event', { interviewId: interview.id, type: 'thank-you-sent' }),
      };
    }
  }
  return {
    interview,
    draft: deps.writeNote(
      { ...news, ...(view.publisher ? { publisher: view.publisher } : {}), ...(view.link ? { link: view.link } : {}) },
      { company: interview.company, role: interview.role, interviewer: interview.interviewer },
      { variant: variantFor(view.id, interview.id) },
    ),
    sentUrl: await link('interview-event', { interviewId: interview.id, type: 'congrats-sent' }),
  };
}

/** The alert composer for a run that delivers due messages (the poll's, the digest job's). */
export function alertComposer(deps: AlertDeps, session: AlertSession = createAlertSession()): Composer<'alert'> {
  return (message, now) => composeAlert(deps, session, message, now);
}
