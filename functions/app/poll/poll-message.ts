/**
 * The poll fan-out messages on AWS: the hourly planner puts them on the queue, the poll-company
 * function takes them off. Both ends share them here.
 *
 * - A company's new or failing sources: `{ companyKey, sourceIds }` — each leased on its own.
 * - One batch of the hour's healthy, scheduled sources: `{ batch: { slot, index, of }, sourceIds }`
 *   — leased as a whole in the slot's plan (functions/app/poll/steps/lease.ts).
 */
import { z } from 'zod';

const SourceIds = z.array(z.string().min(1)).min(1);

export const CompanyPollMessage = z.object({ companyKey: z.string().min(1), sourceIds: SourceIds }).strict();
export const BatchPollMessage = z
  .object({
    batch: z.object({ slot: z.string().min(1), index: z.number().int().min(0), of: z.number().int().min(1) }).strict(),
    sourceIds: SourceIds,
  })
  .strict();

export type CompanyPollMessage = z.infer<typeof CompanyPollMessage>;
export type BatchPollMessage = z.infer<typeof BatchPollMessage>;
export type PollMessage = CompanyPollMessage | BatchPollMessage;

export function isBatchMessage(message: PollMessage): message is BatchPollMessage {
  return 'batch' in message;
}

/** Where the planner puts the messages (SQS on AWS). */
export interface PollQueue {
  /** Sends every message; throws if any is refused (the run then fails and is retried). */
  enqueue(messages: readonly PollMessage[]): Promise<{ sent: number }>;
}

/** A message body that is not a {@link PollMessage}; redelivering it would never help. */
export class BadPollMessageError extends Error {
  override name = 'BadPollMessageError';
}

const schemaFor = (json: unknown) => (typeof json === 'object' && json !== null && 'batch' in json ? BatchPollMessage : CompanyPollMessage);

/** The body to send: the message, checked against its schema (throws on a malformed one). */
export function pollMessageBody(message: PollMessage): string {
  return JSON.stringify(schemaFor(message).parse(message));
}

/** Reads a message body; throws {@link BadPollMessageError} with the first problem. */
export function parsePollMessage(body: string): PollMessage {
  let json: unknown;
  try {
    json = JSON.parse(body) as unknown;
  } catch {
    throw new BadPollMessageError('poll message is not JSON');
  }
  const parsed = schemaFor(json).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadPollMessageError(`poll message: ${issue ? `${issue.path.join('.') || 'body'} ${issue.message}` : 'invalid'}`);
  }
  return parsed.data;
}
