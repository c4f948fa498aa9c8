/**
 * The news watch's use cases: the poll cycle (plan, poll, store, alert) and keeping a watched
 * company's sources registered. `pollDepsFrom` wires them to the composition root's services with
 * the real classifier and note writer, for the CLI, the local scheduler and the Lambda handlers.
 */
import { classifyHeadline } from '../../domain/classifier/index.js';
import { writeCongratulations } from '../../domain/notes/congratulations.js';
import type { Services } from '../services.js';
import type { PollDeps } from './poll-cycle.js';

export { planPolls, pollBatch, pollSources, runPollCycle, type PollDeps, type PollSummary } from './poll-cycle.js';
export { createCompanySourcesSync, releaseCompanySources, syncCompanySources } from './company-sources.js';
export type { ClassifyHeadline, WriteCongratulations } from './collaborators.js';

export function pollDepsFrom(services: Pick<Services, 'config' | 'repos' | 'mailer' | 'links' | 'logger' | 'fetchFeed'>, overrides: Partial<PollDeps> = {}): PollDeps {
  return {
    fetchFeed: services.fetchFeed,
    repos: services.repos,
    mailer: services.mailer,
    links: services.links,
    config: services.config,
    logger: services.logger,
    classify: classifyHeadline,
    writeNote: writeCongratulations,
    ...overrides,
  };
}
