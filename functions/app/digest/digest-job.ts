/**
 * The hourly mail job, as every runtime runs it (the digest-sender Lambda, local mode's scheduler,
 * `digest --once`): digests for the subscribers whose hour has come, and every mail that earlier
 * runs or requests left pending in the outbox (digests, confirmation and sign-in mail, and
 * congratulations alerts a poll run recorded and did not send).
 */
import { accountMailComposers } from '../account/account-outbox.js';
import { alertComposer } from '../alerts/send-alerts.js';
import { writeCongratulations } from '../../domain/notes/congratulations.js';
import type { RunDeadline } from '../run-deadline.js';
import type { Services } from '../services.js';
import { runDigestCycle, type DigestCycleSummary } from './run-digest-cycle.js';

export function runDigestJob(services: Services, now: Date, deadline?: RunDeadline): Promise<DigestCycleSummary> {
  return runDigestCycle(services, now, {
    deadline,
    alsoDeliver: { ...accountMailComposers(services), alert: alertComposer({ ...services, writeNote: writeCongratulations }) },
  });
}
