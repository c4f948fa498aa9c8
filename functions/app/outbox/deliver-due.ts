/**
 * Delivers what earlier runs left in the outbox: every open message that is due — recorded but
 * never sent, given back after a fault, or leased by a run that died — found by one index query
 * (never a scan), composed now, and sent through the run's sender.
 */
import type { Clock, Logger, OutgoingEmail } from '../ports.js';
import type { OutboxSender } from './outbox-sender.js';
import { realClock } from './pacing.js';
import type { EndedState, Lease, MessageKind, MessageRef, OutboxMessage, OutboxRepository, PayloadOf } from './ports.js';

/**
 * The mail a message stands for, composed when it is sent — or why it ends unsent, or why it cannot
 * be composed yet (`wait`: it stays pending as it is, and a later run looks again). `afterSent`
 * records what the mail told the subscriber (e.g. the digest's moved-on notices) once it went out.
 */
export type Composition =
  | { send: OutgoingEmail; afterSent?: () => Promise<void> }
  | { end: Extract<EndedState, 'dropped' | 'skipped' | 'suppressed'>; reason: string }
  | { wait: string };

export type MessageOf<K extends MessageKind> = OutboxMessage & { kind: K; payload: PayloadOf<K> };

/** Composes one kind of message at `now` (the run's instant). */
export type Composer<K extends MessageKind> = (message: MessageOf<K>, now: Date) => Promise<Composition>;

/** The composers a run knows; messages of other kinds wait for a run that knows them. */
export type Composers = { [K in MessageKind]?: Composer<K> };

/** What became of one message this run looked at. */
export type MessageResult = 'sent' | 'pending' | 'not-due' | 'failed' | EndedState;

export interface DeliverDueDeps {
  repos: { outbox: OutboxRepository };
  clock?: Clock;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** Messages composed at once (the sending itself is one at a time). */
const COMPOSE_CONCURRENCY = 4;
/** Due messages taken per index shard per run; the rest wait for the next run. */
export const DUE_PER_SHARD = 250;

/**
 * Composes and sends one message: one this run holds no lease on yet (the sender leases it just
 * before sending, so composing — which may issue a one-time ticket — is never done under a lease),
 * or one it recorded with the sender's lease (`held`: a message it has just recorded).
 */
export async function composeAndDeliver<K extends MessageKind>(
  deps: DeliverDueDeps,
  sender: OutboxSender,
  composer: Composer<K>,
  message: MessageOf<K>,
  now: Date,
  held?: Lease,
): Promise<MessageResult> {
  const keepPending = async (reason: string): Promise<MessageResult> => {
    if (held) await sender.release(message, held, message.createdAt, reason);
    else sender.leftPending(message.createdAt);
    return 'pending';
  };
  if (sender.stopped) return keepPending('the run stopped before sending it');
  const composition = await composer(message, now);
  if ('wait' in composition) return keepPending(composition.wait);
  if ('end' in composition) {
    // Nobody holds it (it is due), so whoever decides first ends it; a run that leased it meanwhile decides alike.
    const at = (deps.clock ?? realClock).now();
    const ended = await deps.repos.outbox.end(message, composition.end, composition.reason, at, held ? { leaseId: held.id, attempts: 0 } : undefined);
    if (held) sender.settled(held);
    if (!ended) return 'not-due';
    sender.endedUnsent(composition.end);
    return composition.end;
  }
  const delivery = await sender.deliver(message, composition.send, message.createdAt, held);
  if (delivery.outcome !== 'sent') return delivery.outcome;
  await composition.afterSent?.();
  return 'sent';
}

/** Due messages, as `deliverDueMessages` lists them (a run may list them early, while it does other work). */
export function listDueMessages(deps: DeliverDueDeps): Promise<OutboxMessage[]> {
  return deps.repos.outbox.listDue((deps.clock ?? realClock).now(), DUE_PER_SHARD);
}

/**
 * Delivers every due message of the kinds in `composers` — listed now, or those `listed` earlier
 * — but those `skip` names (a run's own, already tried); returns what became of each.
 */
export async function deliverDueMessages(
  deps: DeliverDueDeps,
  sender: OutboxSender,
  composers: Composers,
  now: Date,
  options: { skip?: (message: MessageRef) => boolean; listed?: Promise<OutboxMessage[]> } = {},
): Promise<Array<{ message: OutboxMessage; result: MessageResult }>> {
  const skip = options.skip ?? (() => false);
  const due = (await (options.listed ?? listDueMessages(deps))).filter((m) => composers[m.kind] && !skip(m));
  const results: Array<{ message: OutboxMessage; result: MessageResult }> = [];
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const message = due[next++]!;
      let result: MessageResult;
      try {
        result = await composeAndDeliver(deps, sender, composers[message.kind] as Composer<MessageKind>, message as MessageOf<MessageKind>, now);
      } catch (err) {
        // It stays pending (or its lease runs out) and the next run tries again.
        deps.logger?.error('outbox: could not deliver a due message', {
          subscriberId: message.subscriberId,
          kind: message.kind,
          error: err instanceof Error ? err.message : String(err),
        });
        sender.leftPending(message.createdAt);
        result = 'failed';
      }
      results.push({ message, result });
    }
  };
  await Promise.all(Array.from({ length: Math.min(COMPOSE_CONCURRENCY, due.length) }, worker));
  return results;
}
