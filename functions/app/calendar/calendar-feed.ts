/**
 * The subscriber's calendar feed (GET /v1/calendar.ics?token=…): their upcoming actions and
 * decision dates as an iCalendar feed a calendar app subscribes to.
 *
 * The link is a signed token naming the subscriber and the version of their calendar key. Calendar
 * apps fetch the same URL for years, so the token does not expire; instead the subscriber can
 * renew the link, which moves the key version on, and every older link is refused from the next
 * fetch on (checked against the profile on every fetch). The same version always gives the same
 * URL, so Settings and GET /v1/me show one stable address.
 */
import { DAY_SECONDS } from '../../domain/durations.js';
import { newsOfStory } from '../../domain/notes/story-news.js';
import type { Subscriber } from '../../domain/subscriber.js';
import { NotFoundError } from '../errors.js';
import { plannedInterviews, type PlanDependencies } from '../interviews/plan.js';
import { foldedNews } from '../news/thank-you-news.js';
import type { Clock, LinkSigner, SubscriberRepository } from '../ports.js';

export const CALENDAR_FEED_PATH = '/v1/calendar.ics';

// Signed as if issued at a fixed instant and valid for two centuries: the link is stable for a
// given key version and never runs out while the subscriber keeps it.
const ISSUED_AT = new Date(Date.UTC(2024, 0, 1));
const LIFETIME_SECONDS = 200 * 365 * DAY_SECONDS;
/** How often calendar apps are asked to fetch again (many poll less often whatever they are told). */
const REFRESH_HOURS = 6;

export interface CalendarFeedDependencies {
  /** The plan's reads (interviews, and for a thank-you still due its company's news), and the subscriber. */
  repos: PlanDependencies['repos'] & { subscribers: Pick<SubscriberRepository, 'get' | 'renewCalendarKey'> };
  links: LinkSigner;
  clock: Clock;
  config: { publicUrl: string };
}

const versionOf = (subscriber: Pick<Subscriber, 'calendarKeyVersion'>) => subscriber.calendarKeyVersion ?? 0;

async function urlFor(deps: Pick<CalendarFeedDependencies, 'links' | 'config'>, subscriberId: string, version: number): Promise<string> {
  const token = await deps.links.sign({ purpose: 'calendar-feed', subscriberId, data: { v: String(version) } }, ISSUED_AT, LIFETIME_SECONDS);
  return `${deps.config.publicUrl.replace(/\/+$/, '')}${CALENDAR_FEED_PATH}?token=${encodeURIComponent(token)}`;
}

/** The subscriber's current calendar feed URL (the whole https://… address). */
export function calendarUrlFor(deps: Pick<CalendarFeedDependencies, 'links' | 'config'>, subscriber: Pick<Subscriber, 'id' | 'calendarKeyVersion'>): Promise<string> {
  return urlFor(deps, subscriber.id, versionOf(subscriber));
}

/** A new feed URL for the subscriber; every earlier one stops working at once. */
export async function renewCalendarUrl(deps: CalendarFeedDependencies, subscriberId: string): Promise<string> {
  const version = await deps.repos.subscribers.renewCalendarKey(subscriberId);
  return urlFor(deps, subscriberId, version);
}

/** The feed's .ics text for a feed token; NotFoundError for a forged, renewed or orphaned link. */
export async function calendarFeedFor(deps: CalendarFeedDependencies, token: string): Promise<string> {
  const now = deps.clock.now();
  const payload = await deps.links.verify(token, now);
  if (!payload || payload.purpose !== 'calendar-feed') throw new NotFoundError('calendar feed');
  const subscriber = await deps.repos.subscribers.get(payload.subscriberId);
  // A renewed key (or a deleted account) retires the link, however valid its signature.
  if (!subscriber || payload.data.v !== String(versionOf(subscriber))) throw new NotFoundError('calendar feed');
  // The plans as the digest makes them: a thank-you still due carries the company's good news.
  const planned = await plannedInterviews(deps, subscriber.id, now);
  const interviews = planned.map((p) => p.interview);
  const news = new Map([...foldedNews(planned)].map(([interviewId, story]) => [interviewId, newsOfStory(story)] as const));
  // Loaded on first use: the iCalendar library is a large share of the API's code, and most
  // requests (and every cold start) do without it.
  const { calendarFeedEntries, writeCalendar } = await import('../../domain/calendar/index.js');
  const entries = calendarFeedEntries(interviews, now, { today: `${deps.config.publicUrl.replace(/\/+$/, '')}/` }, news);
  return writeCalendar(entries, { name: 'afterview: after the interview', timeZone: subscriber.timeZone, refreshHours: REFRESH_HOURS });
}
