import { describe, expect, it } from 'vitest';
import { emailLinks, oneClickUnsubscribeHeaders } from '../../functions/app/email-links.js';
import type { LinkPayload } from '../../functions/app/ports.js';

const NOW = new Date('2026-12-07T13:00:00Z');

describe('the links in emails', () => {
  const signed: Array<{ payload: LinkPayload; ttl: number | undefined }> = [];
  const link = emailLinks(
    {
      config: { publicUrl: 'https://afterview.example' },
      links: { sign: async (payload, now, ttl) => (signed.push({ payload, ttl }), `${payload.purpose}.${now.toISOString()}/+=`) },
    },
    'sub-1',
    NOW,
  );

  it.each([
    ['interview-event', { interviewId: 'i1', type: 'thank-you-sent' }, 'https://afterview.example/v1/actions?token=', undefined],
    ['stop-watching', { companyId: 'c1' }, 'https://afterview.example/v1/actions?token=', undefined],
    ['not-relevant', { companyKey: 'acme', storyId: 's1' }, 'https://afterview.example/v1/actions?token=', undefined],
    ['calendar', { interviewId: 'i1', type: 'follow-up', dueOn: '2026-12-10' }, 'https://afterview.example/v1/calendar?token=', undefined],
    ['unsubscribe', {}, 'https://afterview.example/v1/unsubscribe?token=', 365 * 24 * 3600],
  ] as const)('%s: signed for this subscriber, at its path, for the right time', async (purpose, data, prefix, ttl) => {
    const url = await link(purpose, { ...data });
    expect(url).toBe(`${prefix}${encodeURIComponent(`${purpose}.${NOW.toISOString()}/+=`)}`);
    expect(signed.at(-1)).toEqual({ payload: { purpose, subscriberId: 'sub-1', data }, ttl });
  });

  it('carries RFC 8058 one-click unsubscribe headers', () => {
    expect(oneClickUnsubscribeHeaders('https://afterview.example/v1/unsubscribe?token=t')).toEqual({
      'List-Unsubscribe': '<https://afterview.example/v1/unsubscribe?token=t>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});
