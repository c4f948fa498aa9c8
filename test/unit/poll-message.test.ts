/** The poll queue's two messages (functions/app/poll/poll-message.ts): a company's new or failing sources, and one batch of an hour's scheduled sources. */
import { describe, expect, it } from 'vitest';
import { BadPollMessageError, isBatchMessage, parsePollMessage, pollMessageBody, type PollMessage } from '../../functions/app/poll/poll-message.js';

describe('poll messages', () => {
  it('round-trip both kinds', () => {
    const company: PollMessage = { companyKey: 'acme', sourceIds: ['s1'] };
    const batch: PollMessage = { batch: { slot: '2026-11-04T10', index: 2, of: 6 }, sourceIds: ['s1', 's2'] };
    expect(parsePollMessage(pollMessageBody(company))).toEqual(company);
    expect(parsePollMessage(pollMessageBody(batch))).toEqual(batch);
    expect(isBatchMessage(parsePollMessage(pollMessageBody(batch)))).toBe(true);
    expect(isBatchMessage(company)).toBe(false);
  });

  it.each([
    ['{"batch":{"slot":"2026-11-04T10","index":-1,"of":6},"sourceIds":["s"]}', 'poll message: batch.index'],
    ['{"batch":{"slot":"2026-11-04T10","index":0,"of":6},"sourceIds":[]}', 'poll message: sourceIds'],
    ['{"batch":{"slot":"2026-11-04T10","index":0,"of":6},"sourceIds":["s"],"companyKey":"acme"}', 'poll message:'],
  ])('refuse %s', (body, message) => {
    expect(() => parsePollMessage(body)).toThrow(BadPollMessageError);
    expect(() => parsePollMessage(body)).toThrow(message);
  });

  it('will not send a malformed message', () => {
    expect(() => pollMessageBody({ batch: { slot: '', index: 0, of: 1 }, sourceIds: ['s'] })).toThrow();
  });
});
