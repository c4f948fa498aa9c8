/** Records as the repositories store them, with test defaults; each test overrides what it is about. */
import { randomUUID } from 'node:crypto';
import { companyKey, type WatchedCompany } from '../../functions/domain/company.js';
import { Interview, type InterviewInput, type StoredInterview } from '../../functions/domain/interview.js';
import type { Classification, StoryCopy } from '../../functions/domain/news.js';
import type { Subscriber } from '../../functions/domain/subscriber.js';

const CREATED = '2026-10-01T00:00:00.000Z';

export function newSubscriber(overrides: Partial<Subscriber> = {}): Subscriber {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    email: `sub-${id.slice(0, 8)}@example.test`,
    status: 'confirmed',
    timeZone: 'Europe/Paris',
    digestHour: 8,
    alerts: 'instant',
    dailyEvenIfEmpty: false,
    createdAt: CREATED,
    tokenHashes: [],
    ...overrides,
  };
}

export function newWatchedCompany(subscriberId: string, name: string, overrides: Partial<WatchedCompany> = {}): WatchedCompany {
  return {
    id: randomUUID(),
    subscriberId,
    key: companyKey(name),
    name,
    aliases: [],
    exclude: [],
    feeds: [],
    createdAt: CREATED,
    updatedAt: CREATED,
    sourceIds: [],
    ...overrides,
  };
}

/** An interview with the company, the thank-you sent the day after; `fields` are the interview's own. */
export function newStoredInterview(
  company: Pick<WatchedCompany, 'id' | 'subscriberId' | 'name'>,
  fields: Partial<InterviewInput> = {},
  stored: Partial<Pick<StoredInterview, 'createdAt' | 'updatedAt'>> = {},
): StoredInterview {
  return {
    ...Interview.parse({
      company: company.name,
      role: 'Data Analyst',
      interviewer: { name: 'Dana Lee', email: 'dana.lee@acme.example' },
      interviewedAt: '2026-10-22T15:00:00Z',
      decisionExpectedBy: '2026-11-30',
      events: [{ type: 'thank-you-sent', at: '2026-10-23T09:00:00Z' }],
      ...fields,
    }),
    id: randomUUID(),
    subscriberId: company.subscriberId,
    companyId: company.id,
    createdAt: stored.createdAt ?? CREATED,
    updatedAt: stored.updatedAt ?? CREATED,
  };
}

/** One source's copy of a story, as the poll stores it: linked and published under the source's name. */
export const storyCopy = (sourceId: string, title: string, classification: Classification): StoryCopy => ({
  sourceId,
  title,
  link: `https://${sourceId}.example/story`,
  publisher: sourceId,
  publishedAt: '2026-11-04T08:00:00.000Z',
  summary: null,
  classification,
});
