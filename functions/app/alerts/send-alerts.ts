/**
 * Turns one new positive story into at most one alert per watcher (DESIGN.md §3 "Never twice").
 * The story comes as these watchers see it: the copy from one of their own sources (DESIGN.md §2
 * "Provenance"; app/poll/steps/alert.ts chooses it). For each watcher: one of their sources must
 * have carried the story; it must be about the company by *their* names and exclusions; they
 * must be confirmed, not suppressed, and want instant alerts (digest-mode subscribers see it in
 * their digest); they need an open interview with the company that allows a congratulations note
 * (R6, R8). Then the alert is claimed with a conditional write BEFORE sending, sent, and marked sent.
 *
 * At-most-once: a crash between the claim and the send loses that alert rather than risking a
 * second one — a duplicate nudge to congratulate is spam the candidate may act on twice, while a
 * missed one costs little (the story still reaches the digest's good-news section).
 */
import type { Config } from '../../config/env.js';
import type { WatchedCompany } from '../../domain/company.js';
import type { StoredInterview } from '../../domain/interview.js';
import { CONGRATS_SPACING_DAYS, congratulationsAllowed } from '../../domain/news-watch/congratulations-allowed.js';
import { isAboutCompany } from '../../domain/news-watch/relevance.js';
import type { Story } from '../../domain/news.js';
import type { Subscriber } from '../../domain/subscriber.js';
import type { ClaimRepository, InterviewRepository, LinkSigner, Logger, Mailer, SubscriberRepository, SuppressionRepository } from '../ports.js';
import type { WriteCongratulations } from '../poll/collaborators.js';
import { settleAll } from '../poll/host-limiter.js';
import { composeAlertEmail, type AlertNote } from './alert-email.js';
import { emailLinks } from '../email-links.js';

export interface AlertDeps {
  repos: {
    interviews: Pick<InterviewRepository, 'list' | 'claimCongratsSlot'>;
    claims: Pick<ClaimRepository, 'claimAlert' | 'markAlertSent'>;
    suppressions: Pick<SuppressionRepository, 'isSuppressed'>;
    subscribers: Pick<SubscriberRepository, 'get'>;
  };
  mailer: Mailer;
  links: LinkSigner;
  config: Pick<Config, 'publicUrl'>;
  writeNote: WriteCongratulations;
  logger?: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
}

export interface AlertTally {
  sent: number;
  skipped: number;
  failed: number;
}

/**
 * What one poll run has already read about subscribers, kept so that a subscriber watching several
 * companies, or a company with several new stories, is read once per run. An interview whose
 * congratulations slot this run took is updated here too, so later stories skip it without a write.
 */
export interface AlertSession {
  subscribers: Map<string, Promise<Subscriber | null>>;
  suppressed: Map<string, Promise<boolean>>;
  interviews: Map<string, Promise<StoredInterview[]>>;
  /** R6/R8 verdicts per interview id for this run's instant (cleared for an interview once it is slotted). */
  allowed: Map<string, boolean>;
}

export function createAlertSession(): AlertSession {
  return { subscribers: new Map(), suppressed: new Map(), interviews: new Map(), allowed: new Map() };
}

function allowedNow(session: AlertSession, interview: StoredInterview, now: Date): boolean {
  let allowed = session.allowed.get(interview.id);
  if (allowed === undefined) {
    allowed = congratulationsAllowed(interview, now).allowed;
    session.allowed.set(interview.id, allowed);
  }
  return allowed;
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

/** Why a watcher got no alert (logged, and returned for tests). */
export type AlertDecision =
  | { sent: true; messageId: string; interviewIds: string[] }
  | { sent: false; reason: string };

/** A stable note variant per (story, interview), so a re-sent preview reads the same. */
function variantFor(storyId: string, interviewId: string): number {
  let h = 0;
  for (const ch of `${storyId}:${interviewId}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

/** Decides about, and possibly sends, one watcher's alert for one story. */
export async function alertWatcher(
  deps: AlertDeps,
  story: Story,
  watcher: WatchedCompany,
  now: Date,
  session: AlertSession = createAlertSession(),
): Promise<AlertDecision> {
  const subscriberId = watcher.subscriberId;
  if (story.sourceIds.length > 0 && !story.sourceIds.some((id) => watcher.sourceIds.includes(id))) {
    return { sent: false, reason: 'none of the watcher’s sources carried the story' };
  }
  if (!isAboutCompany(story, { name: watcher.name, aliases: watcher.aliases, exclude: watcher.exclude })) {
    return { sent: false, reason: 'not about the company by this watcher’s names and exclusions' };
  }
  const subscriber = await remember(session.subscribers, subscriberId, () => deps.repos.subscribers.get(subscriberId));
  if (!subscriber || subscriber.status !== 'confirmed') return { sent: false, reason: 'subscriber not confirmed' };
  if (subscriber.alerts !== 'instant') return { sent: false, reason: 'subscriber reads news in the digest' };
  if (await remember(session.suppressed, subscriber.email, () => deps.repos.suppressions.isSuppressed(subscriber.email))) {
    return { sent: false, reason: 'address suppressed' };
  }

  const interviews = (await remember(session.interviews, subscriberId, () => deps.repos.interviews.list(subscriberId))).filter(
    (i) => i.companyId === watcher.id && allowedNow(session, i, now),
  );
  if (interviews.length === 0) return { sent: false, reason: 'no interview with the company allows a congratulations note now' };

  // The claim comes first: whoever writes it sends; a retry, a redelivery or a concurrent cycle stops here.
  const claimed = await deps.repos.claims.claimAlert(subscriberId, story.companyKey, story.id, now, { companyId: watcher.id });
  if (!claimed) return { sent: false, reason: 'already alerted' };

  const slotted: StoredInterview[] = [];
  for (const interview of interviews) {
    if (await deps.repos.interviews.claimCongratsSlot(subscriberId, interview.id, now, CONGRATS_SPACING_DAYS)) slotted.push(interview);
    // Taken now, by this run or another: either way no further story this run may use it.
    interview.lastCongratsSuggestedAt = now.toISOString();
    session.allowed.set(interview.id, false);
  }
  if (slotted.length === 0) return { sent: false, reason: 'another suggestion took the interview’s 14-day slot' };

  const link = emailLinks(deps, subscriberId, now);
  const notes: AlertNote[] = await Promise.all(
    slotted.map(async (interview) => ({
      interview,
      draft: deps.writeNote(
        {
          title: story.title,
          event: story.classification?.event ?? null,
          ...(story.summary ? { summary: story.summary } : {}),
          ...(story.publisher ? { publisher: story.publisher } : {}),
          ...(story.link ? { link: story.link } : {}),
        },
        { company: interview.company, role: interview.role, interviewer: interview.interviewer },
        { variant: variantFor(story.id, interview.id) },
      ),
      sentUrl: await link('interview-event', { interviewId: interview.id, type: 'congrats-sent' }),
    })),
  );
  const email = composeAlertEmail({
    to: subscriber.email,
    companyName: watcher.name,
    story,
    notes,
    notRelevantUrl: await link('not-relevant', { companyKey: story.companyKey, storyId: story.id }),
    stopWatchingUrl: await link('stop-watching', { companyId: watcher.id }),
    unsubscribeUrl: await link('unsubscribe'),
    timeZone: subscriber.timeZone,
  });
  const { messageId, suppressed } = await deps.mailer.send(email);
  // Suppressed between the check above and the send: nothing went out, and the claim keeps it so.
  if (suppressed) return { sent: false, reason: 'address suppressed' };
  try {
    await deps.repos.claims.markAlertSent(subscriberId, story.companyKey, story.id, now, messageId);
  } catch (err) {
    // Sent is sent: the claim already prevents a second one; only the bookkeeping is missing.
    deps.logger?.warn('alert sent but not marked', { subscriberId, storyId: story.id, error: err instanceof Error ? err.message : String(err) });
  }
  return { sent: true, messageId, interviewIds: slotted.map((i) => i.id) };
}

/** Alerts every watcher of the story's company; one watcher's failure never stops the others. */
export async function alertWatchers(
  deps: AlertDeps,
  story: Story,
  watchers: readonly WatchedCompany[],
  now: Date,
  session: AlertSession = createAlertSession(),
): Promise<AlertTally> {
  const tally: AlertTally = { sent: 0, skipped: 0, failed: 0 };
  const results = await settleAll(watchers, 4, (w) => alertWatcher(deps, story, w, now, session));
  results.forEach((r, i) => {
    const subscriberId = watchers[i]!.subscriberId;
    if (r.status === 'rejected') {
      tally.failed++;
      deps.logger?.error('alert failed', { subscriberId, storyId: story.id, error: r.reason instanceof Error ? r.reason.message : String(r.reason) });
    } else if (r.value.sent) {
      tally.sent++;
      deps.logger?.info('alert sent', { subscriberId, storyId: story.id, companyKey: story.companyKey });
    } else {
      tally.skipped++;
      deps.logger?.debug('no alert', { subscriberId, storyId: story.id, reason: r.value.reason });
    }
  });
  return tally;
}
