/**
 * GET /v1/me/export: everything stored about a person, each kind of record under its own key,
 * every key in one style (camelCase), and nothing stored left out.
 */
import { describe, expect, it } from 'vitest';
import { createApiHarness, sampleInterview, uniqueEmail } from './api-harness.js';

/** Every object key in `value`, at any depth, with where it was found. */
function keysOf(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysOf(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [`${at}.${k}`, ...keysOf(v, `${at}.${k}`)]);
  return [];
}

describe('the account export', () => {
  it('lists every kind of record under a camelCase key, and leaves out nothing stored about the person', async () => {
    const h = await createApiHarness();
    const { token, subscriberId } = await h.signUp(uniqueEmail('export'));
    const created = (await (await h.call('POST', '/v1/interviews', { token, body: sampleInterview() })).json()) as { id: string };
    await h.call('POST', `/v1/interviews/${created.id}/events`, { token, body: { type: 'thank-you-sent', at: '2026-10-29T09:00:00Z' } });
    await h.call('POST', '/v1/companies', { token, body: { name: 'Globex' } });

    const res = await h.call('GET', '/v1/me/export', { token });
    expect(res.status).toBe(200);
    const data = (await res.json()) as Record<string, unknown> & { account: { apiTokens: number }; tokens: Array<Record<string, unknown>> };

    const badKeys = keysOf(data).filter((path) => !/^[a-z][a-zA-Z0-9]*$/.test(path.slice(path.lastIndexOf('.') + 1)));
    expect(badKeys).toEqual([]);
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining(['exportedAt', 'account', 'companies', 'interviews', 'feedback', 'alertsSent', 'digestsSent', 'mail', 'tokens']),
    );
    // The API tokens: when each was made (never the token or its hash), as many as the account counts.
    expect(data.tokens).toHaveLength(data.account.apiTokens);
    expect(data.tokens[0]).toEqual({ createdAt: expect.any(String) });

    // Every record in the person's partition is in the export once (digestsSent repeats sent digests from mail).
    const stored = (await h.scanTable()).filter((item) => item.PK === `SUB#${subscriberId}` && item.SK !== 'PROFILE');
    const records = Object.entries(data)
      .filter(([key, value]) => Array.isArray(value) && key !== 'digestsSent')
      .reduce((n, [, value]) => n + (value as unknown[]).length, 0);
    expect(records).toBe(stored.length);
    expect(stored.length).toBeGreaterThanOrEqual(5);
  });
});
