import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Repositories } from '../../app/ports.js';
import { DynamoClaimRepository } from './claims.js';
import { DynamoCompanyRepository } from './companies.js';
import { DynamoFeedbackRepository } from './feedback.js';
import { DynamoInterviewRepository } from './interviews.js';
import { DynamoNewsRepository } from './news.js';
import { DynamoOutboxRepository } from './outbox.js';
import { DynamoPollPlanRepository } from './poll-plans.js';
import { DynamoQuotaRepository } from './quotas.js';
import { DynamoRateLimiter } from './rate-limits.js';
import { DynamoSourceRepository } from './sources.js';
import { DynamoSubscriberRepository } from './subscribers.js';
import { DynamoSuppressionRepository } from './suppressions.js';
import { DynamoTicketRepository } from './tickets.js';

export type { Repositories };

export function createRepositories(client: DynamoDBDocumentClient, tableName: string): Repositories {
  const ctx = { client, tableName };
  return {
    subscribers: new DynamoSubscriberRepository(ctx),
    companies: new DynamoCompanyRepository(ctx),
    interviews: new DynamoInterviewRepository(ctx),
    sources: new DynamoSourceRepository(ctx),
    news: new DynamoNewsRepository(ctx),
    claims: new DynamoClaimRepository(ctx),
    outbox: new DynamoOutboxRepository(ctx),
    suppressions: new DynamoSuppressionRepository(ctx),
    tickets: new DynamoTicketRepository(ctx),
    rateLimiter: new DynamoRateLimiter(ctx),
    quotas: new DynamoQuotaRepository(ctx),
    feedback: new DynamoFeedbackRepository(ctx),
    pollPlans: new DynamoPollPlanRepository(ctx),
  };
}
