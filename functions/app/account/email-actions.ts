/**
 * The one-click links in digests and alerts. Opening a link (GET) only describes what it will do —
 * mail scanners open every link — and the button (POST) does it, once. Each link is signed for one
 * purpose and one subscriber, and expires.
 */
import { InterviewEventType } from '../../domain/interview.js';
import { storySeenBy } from '../../domain/news-watch/provenance.js';
import { removeCompany } from '../companies/watched-companies.js';
import type { CompanyDependencies } from '../companies/watched-companies.js';
import { recordEvent } from '../interviews/interviews.js';
import type { LinkPayload } from '../ports.js';
import type { AccountDependencies } from './dependencies.js';
import { InvalidLinkError } from './errors.js';
import { unsubscribe } from './me.js';
import { hashToken } from './tokens.js';
import { DAY_MS } from '../../domain/durations.js';

export type EmailActionDependencies = AccountDependencies & CompanyDependencies;

/** What the confirmation page says before the button is pressed. */
export interface EmailActionPreview {
  purpose: LinkPayload['purpose'];
  title: string;
  description: string;
  button: string;
}

/** What the page says after the button was pressed. */
export interface EmailActionOutcome {
  title: string;
  message: string;
}

const EVENT_WORDS: Record<InterviewEventType, string> = {
  'thank-you-sent': 'you sent your thank-you note',
  'check-in-sent': 'you sent a check-in',
  'follow-up-sent': 'you sent your follow-up',
  'congrats-sent': 'you sent a congratulations note',
  'heard-back': 'you heard back from them',
  'references-requested': 'they asked for your references',
  offer: 'you received an offer',
  rejected: 'they decided not to go ahead',
  withdrawn: 'you withdrew from the process',
};

const NEXT_STEP = 'Use the link in your most recent email from afterview, or the API.';
const invalid = () => new InvalidLinkError('email', NEXT_STEP);

async function verify(deps: EmailActionDependencies, token: string): Promise<LinkPayload> {
  const payload = await deps.links.verify(token, deps.clock.now());
  if (!payload) throw invalid();
  return payload;
}

/** Reads what the link points at, so the page can name it; changes nothing. */
export async function previewEmailAction(deps: EmailActionDependencies, token: string): Promise<EmailActionPreview> {
  const payload = await verify(deps, token);
  const { subscriberId, data } = payload;
  switch (payload.purpose) {
    case 'interview-event': {
      const type = InterviewEventType.safeParse(data.type);
      const interview = data.interviewId ? await deps.repos.interviews.get(subscriberId, data.interviewId) : null;
      if (!type.success || !interview) throw invalid();
      return {
        purpose: payload.purpose,
        title: `${interview.role} at ${interview.company}`,
        description: `Record that ${EVENT_WORDS[type.data]}? Your follow-up plan will be updated.`,
        button: 'Yes, record it',
      };
    }
    case 'stop-watching': {
      const company = data.companyId ? await deps.repos.companies.get(subscriberId, data.companyId) : null;
      if (!company) throw invalid();
      return {
        purpose: payload.purpose,
        title: `Stop watching ${company.name}`,
        description: `afterview will stop looking for news about ${company.name} for you. Your interviews stay as they are.`,
        button: `Stop watching ${company.name}`,
      };
    }
    case 'not-relevant': {
      if (!data.companyKey || !data.storyId) throw invalid();
      const stored = await deps.repos.news.get(data.companyKey, data.storyId);
      // Named as this subscriber's own source told it (never another subscriber's copy).
      const company = stored ? (await deps.repos.companies.list(subscriberId)).find((c) => c.key === data.companyKey) : undefined;
      const story = stored && company ? storySeenBy(stored, company.sourceIds) : null;
      return {
        purpose: payload.purpose,
        title: 'Not relevant',
        description: story
          ? `Tell afterview that “${story.title}” is not about the company you interviewed with?`
          : 'Tell afterview that this story is not about the company you interviewed with?',
        button: 'Yes, not relevant',
      };
    }
    case 'calendar':
    case 'calendar-feed':
      // Calendar links download an .ics from /v1/calendar or /v1/calendar.ics; they do nothing here.
      throw invalid();
    case 'unsubscribe':
      return {
        purpose: payload.purpose,
        title: 'Unsubscribe',
        description: 'Stop all email from afterview? Your data stays until you delete your account.',
        button: 'Unsubscribe',
      };
  }
}

/**
 * Marks the link used; only the first caller gets true. A repeated press (double click, a mail
 * client retrying) then does nothing instead of recording an event twice.
 */
async function claimLinkUse(deps: EmailActionDependencies, token: string): Promise<boolean> {
  const now = deps.clock.now();
  const hash = hashToken(`link:${token}`);
  try {
    // No subscriber id on the marker: it must not outlive an account deletion as personal data.
    await deps.repos.tickets.create(hash, {
      purpose: 'used-link',
      createdAt: now.toISOString(),
      // Outlives any link the signer issues (30 days by default).
      expiresAt: new Date(now.getTime() + 400 * DAY_MS).toISOString(),
    });
  } catch {
    // Already created by an earlier press (or a concurrent one): consume decides below.
  }
  return (await deps.repos.tickets.consume(hash, now)) !== null;
}

/** Does what the link is for (POST). */
export async function performEmailAction(deps: EmailActionDependencies, token: string): Promise<EmailActionOutcome> {
  const payload = await verify(deps, token);
  // Validate and describe first: a link pointing at something gone is refused before it is used up.
  await previewEmailAction(deps, token);
  const { subscriberId, data } = payload;
  if (payload.purpose === 'unsubscribe') {
    // Unsubscribing may be repeated safely, so it is not single-use.
    if (!(await unsubscribe(deps, subscriberId))) throw invalid();
    deps.logger.info('unsubscribed by email link', { subscriberId });
    return { title: 'You are unsubscribed', message: 'afterview will not email you any more.' };
  }
  if (!(await claimLinkUse(deps, token))) {
    return { title: 'Already done', message: 'This link was already used; nothing more to do.' };
  }
  switch (payload.purpose) {
    case 'interview-event': {
      const type = InterviewEventType.parse(data.type);
      await recordEvent(deps, subscriberId, data.interviewId!, { type });
      deps.logger.info('event recorded by email link', { subscriberId, interviewId: data.interviewId, type });
      return { title: 'Recorded', message: `Noted: ${EVENT_WORDS[type]}. Your next digest takes it into account.` };
    }
    case 'stop-watching': {
      const company = await removeCompany(deps, subscriberId, data.companyId!);
      deps.logger.info('company removed by email link', { subscriberId, companyId: company.id });
      return { title: 'Done', message: `afterview no longer watches ${company.name} for you.` };
    }
    case 'not-relevant': {
      await deps.repos.feedback.record({
        subscriberId,
        companyKey: data.companyKey!,
        storyId: data.storyId!,
        verdict: 'not-relevant',
        at: deps.clock.now().toISOString(),
      });
      deps.logger.info('story marked not relevant', { subscriberId, companyKey: data.companyKey });
      return { title: 'Thanks', message: 'Noted: this story is not relevant. It helps afterview pick better news.' };
    }
    case 'calendar':
    case 'calendar-feed':
      throw invalid();
  }
}

const UNSUBSCRIBE_NEXT_STEP = 'Use the unsubscribe link in your most recent email from afterview, or PATCH/DELETE /v1/me with your API token.';

/** Whether an unsubscribe link is genuine and current (the GET page; reads only). */
export async function checkUnsubscribeLink(deps: EmailActionDependencies, token: string): Promise<void> {
  const payload = await deps.links.verify(token, deps.clock.now());
  if (payload?.purpose !== 'unsubscribe') throw new InvalidLinkError('unsubscribe', UNSUBSCRIBE_NEXT_STEP);
}

/** RFC 8058 one-click: effective at once, and harmless to repeat. */
export async function unsubscribeByLink(deps: EmailActionDependencies, token: string): Promise<void> {
  const payload = await deps.links.verify(token, deps.clock.now());
  if (payload?.purpose !== 'unsubscribe') throw new InvalidLinkError('unsubscribe', UNSUBSCRIBE_NEXT_STEP);
  if (!(await unsubscribe(deps, payload.subscriberId))) throw new InvalidLinkError('unsubscribe', UNSUBSCRIBE_NEXT_STEP);
  deps.logger.info('unsubscribed (one-click)', { subscriberId: payload.subscriberId });
}
