/**
 * Reading a calendar invite (.ics) into the interview it is about (issue: capture an interview
 * from the invite the candidate already has). Pure; the API and the web app call it through
 * functions/app/interviews/import-invite.ts.
 */
export { readInvite, MAX_INVITE_BYTES, UnusableInviteError, type ImportedInterview, type InviteContext, type InviteReading } from './read-invite.js';
export { ianaZoneFor } from './time-zones.js';
