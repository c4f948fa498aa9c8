import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  ClaimRepository,
  CompanyRepository,
  FeedbackRepository,
  InterviewRepository,
  NewsRepository,
  RateLimiter,
  SecretStore,
  SourceRepository,
  SubscriberRepository,
  SuppressionRepository,
  TicketRepository,
} from '../../app/ports.js';
import { DynamoClaimRepository } from './claims.js';
import { DynamoCompanyRepository } from './companies.js';
import { DynamoFeedbackRepository } from './feedback.js';
import { DynamoInterviewRepository } from './interviews.js';
import { DynamoRateLimiter, DynamoSecretStore, DynamoSuppressionRepository, DynamoTicketRepository } from './misc.js';
import { DynamoNewsRepository } from './news.js';
import { DynamoSourceRepository } from './sources.js';
import { DynamoSubscriberRepository } from './subscribers.js';

/** Every repository the use cases need, over one table. */
export interface Repositories {
  subscribers: SubscriberRepository;
  companies: CompanyRepository;
  interviews: InterviewRepository;
  sources: SourceRepository;
  news: NewsRepository;
  claims: ClaimRepository;
  suppressions: SuppressionRepository;
  tickets: TicketRepository;
  rateLimiter: RateLimiter;
  secrets: SecretStore;
  feedback: FeedbackRepository;
}

export function createRepositories(client: DynamoDBDocumentClient, tableName: string): Repositories {
  const ctx = { client, tableName };
  return {
    subscribers: new DynamoSubscriberRepository(ctx),
    companies: new DynamoCompanyRepository(ctx),
    interviews: new DynamoInterviewRepository(ctx),
    sources: new DynamoSourceRepository(ctx),
    news: new DynamoNewsRepository(ctx),
    claims: new DynamoClaimRepository(ctx),
    suppressions: new DynamoSuppressionRepository(ctx),
    tickets: new DynamoTicketRepository(ctx),
    rateLimiter: new DynamoRateLimiter(ctx),
    secrets: new DynamoSecretStore(ctx),
    feedback: new DynamoFeedbackRepository(ctx),
  };
}
