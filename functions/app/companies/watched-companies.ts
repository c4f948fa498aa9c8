/**
 * Watched companies: list, add, change, stop watching. Feed URLs pass the fetcher's address rules
 * before they are stored, and every change is mirrored into the news watch's sources.
 */
import { randomUUID } from 'node:crypto';
import { companyKey, type CompanyFields, type WatchedCompany } from '../../domain/company.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Clock, CompanyRepository } from '../ports.js';
import { giveBackQuota, withinQuota, type QuotaDependencies } from '../quotas.js';
import type { CompanySourcesSync, FeedUrlValidator } from './ports.js';

export interface CompanyDependencies {
  repos: { companies: CompanyRepository } & QuotaDependencies['repos'];
  clock: Clock;
  feedUrls: FeedUrlValidator;
  companySources: CompanySourcesSync;
}

/** What the API shows of a watched company. */
export interface CompanyView extends CompanyFields {
  id: string;
  key: string;
  createdAt: string;
  updatedAt: string;
}

export function companyView(c: WatchedCompany): CompanyView {
  return {
    id: c.id,
    name: c.name,
    key: c.key,
    aliases: c.aliases,
    exclude: c.exclude,
    feeds: c.feeds,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export async function listCompanies(deps: CompanyDependencies, subscriberId: string): Promise<WatchedCompany[]> {
  const companies = await deps.repos.companies.list(subscriberId);
  return companies.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getCompany(deps: CompanyDependencies, subscriberId: string, companyId: string): Promise<WatchedCompany> {
  const company = await deps.repos.companies.get(subscriberId, companyId);
  if (!company) throw new NotFoundError('company');
  return company;
}

async function validateFeeds(deps: CompanyDependencies, feeds: readonly string[]): Promise<void> {
  // One at a time: the first bad URL is the one the person is told about.
  for (const url of feeds) await deps.feedUrls.validate(url);
}

function assertNameFree(existing: readonly WatchedCompany[], name: string, exceptId?: string): void {
  const key = companyKey(name);
  const clash = existing.find((c) => c.key === key && c.id !== exceptId);
  if (clash) throw new ConflictError(`you already watch "${clash.name}" (id ${clash.id}); change that one instead`);
}

async function store(deps: CompanyDependencies, company: WatchedCompany): Promise<WatchedCompany> {
  const synced = await deps.companySources.sync(company, deps.clock.now());
  await deps.repos.companies.put(synced);
  return synced;
}

export async function addCompany(deps: CompanyDependencies, subscriberId: string, fields: CompanyFields): Promise<WatchedCompany> {
  assertNameFree(await deps.repos.companies.list(subscriberId), fields.name);
  await validateFeeds(deps, fields.feeds);
  const now = deps.clock.now().toISOString();
  const company: WatchedCompany = {
    ...fields,
    id: randomUUID(),
    subscriberId,
    key: companyKey(fields.name),
    createdAt: now,
    updatedAt: now,
    sourceIds: [],
  };
  const countStored = async () => (await deps.repos.companies.list(subscriberId)).length;
  return withinQuota(deps, subscriberId, 'companies', countStored, () => store(deps, company));
}

export async function updateCompany(
  deps: CompanyDependencies,
  subscriberId: string,
  companyId: string,
  patch: Partial<CompanyFields>,
): Promise<WatchedCompany> {
  const current = await getCompany(deps, subscriberId, companyId);
  if (patch.name !== undefined && companyKey(patch.name) !== current.key) {
    assertNameFree(await deps.repos.companies.list(subscriberId), patch.name, companyId);
  }
  // URLs already watched were checked when added; only new ones are checked now.
  if (patch.feeds) await validateFeeds(deps, patch.feeds.filter((f) => !current.feeds.includes(f)));
  const name = patch.name ?? current.name;
  return store(deps, {
    ...current,
    ...patch,
    name,
    key: companyKey(name),
    updatedAt: deps.clock.now().toISOString(),
  });
}

/** Stops watching: the news watch forgets this subscriber first, then the company goes. */
export async function removeCompany(deps: CompanyDependencies, subscriberId: string, companyId: string): Promise<WatchedCompany> {
  const company = await getCompany(deps, subscriberId, companyId);
  await deps.companySources.remove(company);
  if (await deps.repos.companies.delete(subscriberId, companyId)) await giveBackQuota(deps, subscriberId, 'companies');
  return company;
}

/** The subscriber's watched company with this name (by key), watched now if it was not. */
export async function findOrWatchCompany(deps: CompanyDependencies, subscriberId: string, name: string): Promise<WatchedCompany> {
  const key = companyKey(name);
  const existing = (await deps.repos.companies.list(subscriberId)).find((c) => c.key === key);
  return existing ?? addCompany(deps, subscriberId, { name, aliases: [], exclude: [], feeds: [] });
}
