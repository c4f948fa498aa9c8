/**
 * The digest job (DESIGN.md §3): every hour, each confirmed subscriber whose local digest hour has
 * come today and who has not had today's digest gets one — built from their open interviews'
 * plans, the last day's good news and the keep-looking section — claimed with a conditional write
 * before it is sent, so retries and concurrent runs never send two on one local day.
 */
import type { Config } from '../../config/env.js';
import type { DigestLinks } from '../../domain/digest/index.js';
import { composeDigest } from './digest-email.js';
import { emailLinks, oneClickUnsubscribeHeaders } from '../email-links.js';
import { planFollowUps } from '../../domain/follow-up/index.js';
import type { StoredInterview } from '../../domain/interview.js';
import { nextDigestAt } from '../../domain/subscriber-schedule.js';
import type { Subscriber } from '../../domain/subscriber.js';
import { localHour } from '../../domain/time-zone.js';
import { recentGoodNews, recentNews, type RecentNews } from '../news/recent-good-news.js';
import type { ClaimRepository, CompanyRepository, InterviewRepository, LinkSigner, Logger, Mailer, NewsRepository, SubscriberRepository, SuppressionRepository } from '../ports.js';
import { DAY_MS } from '../../domain/durations.js';

export interface DigestDeps {
  repos: {
    subscribers: Pick<SubscriberRepository, 'listDueForDigest' | 'scheduleNextDigest'>;
    interviews: Pick<InterviewRepository, 'list' | 'markMovedOnNotice' | 'claimCongratsSlot'>;
    companies: Pick<CompanyRepository, 'list'>;
    news: Pick<NewsRepository, 'listSince'>;
    claims: Pick<ClaimRepository, 'claimDigest' | 'markDigestSent' | 'releaseDigest' | 'alertSentAt'>;
    suppressions: Pick<SuppressionRepository, 'isSuppressed'>;
  };
  mailer: Mailer;
  links: LinkSigner;
  config: Pick<Config, 'publicUrl'>;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** What happened to one due subscriber. */
export type DigestOutcome = 'sent' | 'nothing-to-say' | 'already-sent' | 'not-yet-today' | 'suppressed' | 'failed';

export interface DigestCycleSummary {
  due: number;
  sent: number;
  nothingToSay: number;
  alreadySent: number;
  notYetToday: number;
  suppressed: number;
  failed: number;
  ms: number;
}

/** Subscribers handled at once: enough to keep the table and SES busy, few enough to stay polite. */
const CONCURRENCY = 16;

export type { RecentNews } from '../news/recent-good-news.js';

export async function runDigestCycle(deps: DigestDeps, now: Date): Promise<DigestCycleSummary> {
  const started = Date.now();
  const due = await deps.repos.subscribers.listDueForDigest(now);
  const news = recentNews(deps, now);
  const outcomes: DigestOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const subscriber = due[next++]!;
      try {
        outcomes.push(await digestFor(deps, subscriber, now, news));
      } catch (err) {
        deps.logger?.error('digest failed', { subscriberId: subscriber.id, error: err instanceof Error ? err.message : String(err) });
        outcomes.push('failed');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
  const count = (o: DigestOutcome) => outcomes.filter((x) => x === o).length;
  return {
    due: due.length,
    sent: count('sent'),
    nothingToSay: count('nothing-to-say'),
    alreadySent: count('already-sent'),
    notYetToday: count('not-yet-today'),
    suppressed: count('suppressed'),
    failed: count('failed'),
    ms: Date.now() - started,
  };
}

/** One subscriber's digest for the local day `now` falls on. */
export async function digestFor(
  deps: DigestDeps,
  subscriber: Subscriber,
  now: Date,
  news: RecentNews = recentNews(deps, now),
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

  const [interviews, companies] = await Promise.all([
    deps.repos.interviews.list(subscriber.id),
    deps.repos.companies.list(subscriber.id),
  ]);
  const plans = interviews.map((interview) => ({ interview, plan: planFollowUps(interview, now) }));
  const goodNews = await recentGoodNews(deps, { subscriberId: subscriber.id, companies, interviews }, now, news);
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

  if (!digest.hasSomethingToSay && !subscriber.dailyEvenIfEmpty) {
    await reschedule();
    return 'nothing-to-say';
  }
  // The claim comes first: whoever writes it sends; everyone else stops here.
  if (!(await deps.repos.claims.claimDigest(subscriber.id, digest.localDate, now))) {
    await reschedule();
    return 'already-sent';
  }
  const unsubscribe = await links.unsubscribe();
  let sent: { messageId: string; suppressed?: boolean };
  try {
    sent = await deps.mailer.send({
      to: subscriber.email,
      subject: digest.subject,
      text: digest.text,
      html: digest.html,
      kind: 'digest',
      headers: oneClickUnsubscribeHeaders(unsubscribe),
    });
  } catch (err) {
    // The mail service did not take it: give the day back so the next hourly run tries again.
    await deps.repos.claims.releaseDigest(subscriber.id, digest.localDate);
    throw err;
  }
  // Suppressed between the check above and the send: the day stays claimed, nothing went out.
  if (sent.suppressed) {
    await reschedule();
    return 'suppressed';
  }
  const { messageId } = sent;
  await deps.repos.claims.markDigestSent(subscriber.id, digest.localDate, now, messageId);
  await Promise.all(digest.movedOnNoticeFor.map((id) => deps.repos.interviews.markMovedOnNotice(subscriber.id, id, now)));
  // Digest-mode subscribers get their congratulations suggestions here: they count toward R8's spacing.
  if (subscriber.alerts === 'digest') {
    const suggested = new Set(goodNews.filter((n) => n.note).flatMap((n) => n.interviewIds));
    await Promise.all([...suggested].map((id) => deps.repos.interviews.claimCongratsSlot(subscriber.id, id, now, 14)));
  }
  await reschedule();
  deps.logger?.info('digest sent', { subscriberId: subscriber.id, localDate: digest.localDate, messageId });
  return 'sent';
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
