import type { OutboxSettings } from '../../config/env.js';
import type { OutboxRepository } from '../outbox/ports.js';
import type { Clock, CompanyRepository, FeedbackRepository, InterviewRepository, LinkSigner, Logger, Mailer, NewsRepository, RateLimiter, SubscriberRepository, SuppressionRepository, TicketRepository } from '../ports.js';

/** The ports the account use cases work with (the composition root's Services fit it as is). */
export interface AccountDependencies {
  config: { publicUrl: string; outbox: OutboxSettings; runtime: 'local' | 'aws' };
  repos: {
    subscribers: SubscriberRepository;
    tickets: TicketRepository;
    outbox: OutboxRepository;
    suppressions: SuppressionRepository;
    rateLimiter: RateLimiter;
    companies: CompanyRepository;
    interviews: InterviewRepository;
    feedback: FeedbackRepository;
    news: NewsRepository;
  };
  mailer: Mailer;
  links: LinkSigner;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** Who is asking, as far as throttling is concerned (never stored in clear). */
export interface ClientInfo {
  /** The caller's address, or for IPv6 its /64 (functions/http/client.ts). */
  network: string;
}
