/**
 * Seeds the demo subscriber, companies and interviews — idempotently: running the demo again finds
 * them and puts the interviews back at their stages relative to today instead of adding copies.
 * Goes through the same use cases as the API (companies are synced into the news watch), except
 * for what only a demo does: a subscriber confirmed without a confirmation mail, and the digest
 * made due now.
 */
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { addCompany, listCompanies, updateCompany } from '../../app/companies/watched-companies.js';
import { addInterview, listInterviews } from '../../app/interviews/interviews.js';
import { hashToken, newApiToken } from '../../app/account/tokens.js';
import type { Services } from '../../app/services.js';
import { companyKey, type WatchedCompany } from '../../domain/company.js';
import { newsSearchUrl } from '../../domain/news-watch/sources.js';
import type { InterviewEvent, StoredInterview } from '../../domain/interview.js';
import { DEFAULT_SETTINGS, type Subscriber } from '../../domain/subscriber.js';
import { isIanaTimeZone, localHour } from '../../domain/time-zone.js';
import { demoApiToken } from '../../wiring/local.js';
import { DEMO_COMPANIES, DEMO_EMAIL, DEMO_INTERVIEWS, type DemoInterview } from './sample-data.js';

export interface DemoSeed {
  subscriber: Subscriber;
  /** The demo's API token (the same on every run; kept in a file in the data folder). */
  apiToken: string;
  /** True when this run created the subscriber (a first run on this data folder). */
  firstRun: boolean;
  companies: WatchedCompany[];
  interviews: StoredInterview[];
}

/** The machine's own zone, so "today" in the demo is the person's today. */
export function demoTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isIanaTimeZone(zone) ? zone : 'UTC';
}

function localInstant(now: Date, zone: string, daysAgo: number, hour: number): string {
  return DateTime.fromJSDate(now, { zone }).startOf('day').minus({ days: daysAgo }).set({ hour }).toUTC().toISO({ suppressMilliseconds: true })!;
}

function interviewState(sample: DemoInterview, now: Date, zone: string) {
  const decision =
    sample.decisionInDays === null ? null : DateTime.fromJSDate(now, { zone }).plus({ days: sample.decisionInDays }).toISODate();
  const fields = {
    company: sample.company,
    role: sample.role,
    interviewer: sample.interviewer,
    interviewedAt: localInstant(now, zone, sample.daysAgo, sample.hour),
    format: sample.format,
    decisionExpectedBy: decision,
    contactPolicy: sample.contactPolicy,
    lastEmployerChannel: sample.lastEmployerChannel,
    timeZone: zone,
  };
  const events: InterviewEvent[] = sample.events.map((e) => ({ type: e.type, at: localInstant(now, zone, e.daysAgo, 10) }));
  return { fields, events };
}

/** The confirmed demo subscriber, with today's digest due now. */
async function seedSubscriber(services: Services, now: Date, zone: string): Promise<{ subscriber: Subscriber; firstRun: boolean }> {
  const { repos } = services;
  // Before 08:00 the digest hour would not have come yet today; the demo wants it now.
  const digestHour = Math.min(DEFAULT_SETTINGS.digestHour, localHour(now, zone));
  const { created, subscriber } = await repos.subscribers.createIfAbsent({
    ...DEFAULT_SETTINGS,
    id: randomUUID(),
    email: DEMO_EMAIL,
    timeZone: zone,
    digestHour,
    status: 'confirmed',
    createdAt: now.toISOString(),
    confirmedAt: now.toISOString(),
    nextDigestAt: now.toISOString(),
    tokenHashes: [],
  });
  if (!created && subscriber.status !== 'confirmed') {
    // Unsubscribed (or pending) through the demo's own links earlier: confirmed again.
    await repos.subscribers.save({ ...subscriber, status: 'confirmed', confirmedAt: now.toISOString() });
  }
  // Settings changed while trying the demo go back to what shows it best: alerts at once, digest now.
  const current = await repos.subscribers.updateSettings(subscriber.id, { timeZone: zone, alerts: 'instant', digestHour, nextDigestAt: now.toISOString() });
  return { subscriber: current, firstRun: created };
}

async function seedApiToken(services: Services, subscriberId: string, now: Date): Promise<string> {
  const token = await demoApiToken(services.config, newApiToken);
  if ((await services.repos.subscribers.findIdByApiToken(hashToken(token))) !== subscriberId) {
    await services.repos.subscribers.addApiToken(subscriberId, hashToken(token), now);
  }
  return token;
}

async function seedCompanies(services: Services, subscriberId: string): Promise<WatchedCompany[]> {
  const existing = await listCompanies(services, subscriberId);
  for (const sample of DEMO_COMPANIES) {
    const found = existing.find((c) => c.key === companyKey(sample.name));
    if (!found) {
      await addCompany(services, subscriberId, { ...sample, feeds: [] });
    } else if (!found.sourceIds.length || !(await searchesHere(services, found))) {
      // The sample feeds listen on a new port each run: point the company's news search at them.
      await updateCompany(services, subscriberId, found.id, {});
    }
  }
  return listCompanies(services, subscriberId);
}

/** Whether the company's news search source is the one this run's feed server answers. */
async function searchesHere(services: Services, company: WatchedCompany): Promise<boolean> {
  const url = newsSearchUrl(company, services.config.newsBaseUrl);
  for (const id of company.sourceIds) {
    if ((await services.repos.sources.get(id))?.url === url) return true;
  }
  return false;
}

async function seedInterviews(services: Services, subscriberId: string, now: Date, zone: string): Promise<StoredInterview[]> {
  const existing = await listInterviews(services, subscriberId);
  for (const sample of DEMO_INTERVIEWS) {
    const { fields, events } = interviewState(sample, now, zone);
    const found = existing.find((i) => companyKey(i.company) === companyKey(sample.company) && i.role === sample.role);
    const base = found ?? (await addInterview(services, subscriberId, fields));
    const next: StoredInterview = { ...base, ...fields, events, updatedAt: new Date(Math.max(now.getTime(), Date.parse(base.updatedAt) + 1)).toISOString() };
    if (!(await services.repos.interviews.replace(next, base.updatedAt))) {
      throw new Error(`the demo interview with ${sample.company} changed while it was being seeded; run the demo again`);
    }
  }
  return listInterviews(services, subscriberId);
}

export async function seedDemo(services: Services, now: Date, zone = demoTimeZone()): Promise<DemoSeed> {
  const { subscriber, firstRun } = await seedSubscriber(services, now, zone);
  const apiToken = await seedApiToken(services, subscriber.id, now);
  const companies = await seedCompanies(services, subscriber.id);
  const interviews = await seedInterviews(services, subscriber.id, now, zone);
  return { subscriber, apiToken, firstRun, companies, interviews };
}
