/**
 * "Add from a calendar invite": reads the invite the candidate already has into the interview
 * fields (null where the invite does not say), with the guesses to check. Saves nothing — the
 * person confirms, then the interview is added the usual way (POST /v1/interviews, the web form).
 */
import type { InviteReading } from '../../domain/calendar-invite/index.js';
import { MAX_INVITE_BYTES } from '../../domain/calendar-invite/limits.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Clock, SubscriberRepository } from '../ports.js';

export type { ImportedInterview, InviteReading } from '../../domain/calendar-invite/index.js';
export { MAX_INVITE_BYTES } from '../../domain/calendar-invite/limits.js';

/** An invite over the size limit is not a usable invite (a 400, like any other unusable one). */
export function inviteTooLarge(): ValidationError {
  return new ValidationError(
    `the invite is larger than ${MAX_INVITE_BYTES / 1024} KB, which no calendar invite needs: send the one event's .ics file`,
  );
}

export interface InviteImportDependencies {
  repos: { subscribers: Pick<SubscriberRepository, 'get'> };
  clock: Clock;
}

/**
 * The interview `text` (an .ics file, already decoded) describes, as `subscriberId` would add it:
 * their own address is never the interviewer, and their time zone stands in when the invite has none.
 */
export async function readInviteFor(deps: InviteImportDependencies, subscriberId: string, text: string): Promise<InviteReading> {
  if (Buffer.byteLength(text, 'utf8') > MAX_INVITE_BYTES) throw inviteTooLarge();
  const subscriber = await deps.repos.subscribers.get(subscriberId);
  if (!subscriber) throw new NotFoundError('account');
  // Loaded on first use: the calendar, time-zone and domain tables it needs are a third of the API's
  // code, and every other request (and every cold start) does without them.
  const { readInvite } = await import('../../domain/calendar-invite/read-invite.js');
  return readInvite(text, { now: deps.clock.now(), candidateEmail: subscriber.email, candidateTimeZone: subscriber.timeZone });
}
