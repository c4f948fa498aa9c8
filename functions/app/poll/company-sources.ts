/**
 * Keeps the news watch in step with watched companies: a company's sources (the news search and
 * the feeds its watcher added) exist and list the watcher; sources the company no longer uses
 * lose the watcher (and stop being polled when nobody is left). The API calls this when a company
 * is added, changed or removed.
 */
import type { Config } from '../../config/env.js';
import type { WatchedCompany } from '../../domain/company.js';
import { companySources } from '../../domain/news-watch/sources.js';
import type { CompanySourcesSync } from '../companies/ports.js';
import type { SourceRepository } from '../ports.js';

export interface CompanySourcesDeps {
  repos: { sources: Pick<SourceRepository, 'upsertWatched' | 'addWatcher' | 'removeWatcher'> };
  config: Pick<Config, 'newsBaseUrl'>;
}

/**
 * Registers the company's sources and this watcher on each; removes the watcher from sources it
 * had before (`company.sourceIds`) but no longer uses. Returns the company with `sourceIds` set;
 * the caller stores it.
 */
export async function syncCompanySources(deps: CompanySourcesDeps, company: WatchedCompany, now: Date): Promise<WatchedCompany> {
  const specs = companySources(company, deps.config.newsBaseUrl);
  for (const spec of specs) {
    await deps.repos.sources.upsertWatched(spec, now);
    await deps.repos.sources.addWatcher(spec.id, company.subscriberId, company.id);
  }
  const ids = specs.map((s) => s.id);
  for (const old of company.sourceIds ?? []) {
    if (!ids.includes(old)) await deps.repos.sources.removeWatcher(old, company.subscriberId, company.id);
  }
  return { ...company, sourceIds: ids };
}

/** Removes the watcher from every source of the company (when the company is no longer watched). */
export async function releaseCompanySources(deps: Pick<CompanySourcesDeps, 'repos'>, company: WatchedCompany): Promise<void> {
  for (const id of company.sourceIds ?? []) await deps.repos.sources.removeWatcher(id, company.subscriberId, company.id);
}

/** The port the companies use case takes. */
export function createCompanySourcesSync(deps: CompanySourcesDeps): CompanySourcesSync {
  return {
    sync: (company, now) => syncCompanySources(deps, company, now),
    remove: (company) => releaseCompanySources(deps, company),
  };
}
