/**
 * How much one account may hold. Each limit is far above what a job search needs, and low enough
 * that one account cannot make the hourly news poll, the daily digest or its own plan expensive
 * for everyone: every watched company adds feeds to poll, and every interview is read for each
 * plan and digest.
 */
export const LIMITS = {
  /** Watched companies (each one is a news search polled every hour). */
  companiesPerSubscriber: 100,
  /** Extra feed URLs on one watched company. */
  feedsPerCompany: 10,
  /** Interviews, open and closed (a busy search has a few dozen; all are read for each plan). */
  interviewsPerSubscriber: 200,
  /** Events recorded on one interview (it is one table item; a real interview has a handful). */
  eventsPerInterview: 200,
  /** API tokens held at once (each sign-in through the API issues one). */
  apiTokensPerSubscriber: 20,
} as const;

/**
 * The sentence a person reads when a limit is reached, the same in the API (409, code
 * `quota_exceeded`) and the web app: what the limit is, and what to do about it.
 */
export const LIMIT_REACHED = {
  companies: `you already watch ${LIMITS.companiesPerSubscriber} companies, the most afterview allows per account; stop watching one before you add another`,
  interviews: `you already have ${LIMITS.interviewsPerSubscriber} interviews, the most afterview allows per account; delete one you no longer need before you add another`,
  events: `this interview already has ${LIMITS.eventsPerInterview} events recorded, the most afterview allows per interview; no more can be recorded`,
  apiTokens: `you already have ${LIMITS.apiTokensPerSubscriber} API tokens, the most afterview allows per account; revoke one (Settings in the web app, or DELETE /v1/tokens/{id}) before you get another`,
  /** A body with too many feeds is refused as invalid input (400) with this message. */
  feeds: `at most ${LIMITS.feedsPerCompany} feeds per company`,
} as const;
