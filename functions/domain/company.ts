import { z } from 'zod';
import { LIMIT_REACHED, LIMITS } from './quotas.js';

/** What a feed entry that is not a web address is told. */
export const FEED_URL_MESSAGE = 'must be an http(s) URL';

/** The one limit on a company's name, whether it is added alone or with an interview. */
export const COMPANY_NAME_MAX_CHARS = 200;

/** A company a subscriber watches (CONTRACTS.md §3). */
export const CompanyFields = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(COMPANY_NAME_MAX_CHARS),
    aliases: z.array(z.string().trim().min(1).max(120)).max(10).default([]),
    exclude: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
    feeds: z.array(z.url({ protocol: /^https?$/, message: FEED_URL_MESSAGE }).max(2048)).max(LIMITS.feedsPerCompany, LIMIT_REACHED.feeds).default([]),
  })
  .strict();
export type CompanyFields = z.infer<typeof CompanyFields>;

/**
 * The key under which one company's news is stored and shared by every watcher:
 * case, punctuation and spacing do not make two companies.
 */
export function companyKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'company';
}

/** A watched company as stored for one subscriber. */
export interface WatchedCompany extends CompanyFields {
  id: string;
  subscriberId: string;
  /** {@link companyKey} of the name: where the company's shared news lives. */
  key: string;
  createdAt: string;
  updatedAt: string;
  /** The feed sources polled for this company on the subscriber's behalf. */
  sourceIds: string[];
}
