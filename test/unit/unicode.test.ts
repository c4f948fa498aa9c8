/**
 * Text that is not Unicode (a lone UTF-16 surrogate) is found wherever it hides in a JSON value,
 * and replaced before it reaches a URL, so encodeURIComponent never throws on it.
 */
import { describe, expect, it } from 'vitest';
import { mailtoLink } from '../../functions/domain/email/mailto.js';
import { newsSearchUrl } from '../../functions/domain/news-watch/sources.js';
import { firstIllFormedText, hasLoneSurrogate, wellFormed } from '../../functions/domain/unicode.js';

describe('lone surrogates', () => {
  it('tells a lone surrogate from a pair', () => {
    expect(hasLoneSurrogate('Rocket \ud83d\ude80')).toBe(false);
    expect(hasLoneSurrogate('x\ud800')).toBe(true);
    expect(hasLoneSurrogate('\udc00x')).toBe(true);
    expect(hasLoneSurrogate('\ude80\ud83d')).toBe(true);
  });

  it('finds one in any string or key of a JSON value', () => {
    expect(firstIllFormedText({ a: ['ok', { b: 'x\ud800' }] })).toBe('x\ud800');
    expect(firstIllFormedText({ ['k\udc00']: 1 })).toBe('k\udc00');
    expect(firstIllFormedText({ a: ['ok', 1, null, true], b: 'Rocket \ud83d\ude80' })).toBeNull();
  });

  it('replaces it with U+FFFD where text leaves for a URL', () => {
    expect(wellFormed('a\ud800b')).toBe('a\ufffdb');
    expect(() => newsSearchUrl({ name: 'Acme \ud800', aliases: [] }, 'https://news.google.com')).not.toThrow();
    expect(() => mailtoLink('dana@acme.example', { subject: 'Hi \udc00', body: 'Thanks \ud800' })).not.toThrow();
  });
});
