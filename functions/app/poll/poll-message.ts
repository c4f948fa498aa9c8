/**
 * The poll fan-out message on AWS: the hourly planner puts one per company's due sources, the
 * poll-company function takes them off (functions/app/poll `PollBatch`). Both ends share it here.
 */
import { z } from 'zod';

export const PollMessage = z
  .object({
    companyKey: z.string().min(1),
    sourceIds: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type PollMessage = z.infer<typeof PollMessage>;

/** Where the planner puts the messages (SQS on AWS). */
export interface PollQueue {
  /** Sends every message; throws if any is refused (the run then fails and is retried). */
  enqueue(messages: readonly PollMessage[]): Promise<{ sent: number }>;
}

/** A message body that is not a {@link PollMessage}; redelivering it would never help. */
export class BadPollMessageError extends Error {
  override name = 'BadPollMessageError';
}

/** Reads a message body; throws {@link BadPollMessageError} with the first problem. */
export function parsePollMessage(body: string): PollMessage {
  let json: unknown;
  try {
    json = JSON.parse(body) as unknown;
  } catch {
    throw new BadPollMessageError('poll message is not JSON');
  }
  const parsed = PollMessage.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadPollMessageError(`poll message: ${issue ? `${issue.path.join('.') || 'body'} ${issue.message}` : 'invalid'}`);
  }
  return parsed.data;
}
