/**
 * Feed bytes to text with Node's built-in decoder (WHATWG Encoding Standard): the charsets feeds
 * declare, the order of the clues, and what happens with a label the standard does not know.
 */
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../functions/domain/feed/charset.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));
const join = (...parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts));

describe('decodeFeedBytes', () => {
  it.each([
    ['iso-8859-1', bytes(0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9), 'Société'],
    // Browsers read ISO-8859-1 and US-ASCII labels as windows-1252: 0x93/0x94 are curly quotes.
    ['iso-8859-1', bytes(0x93, 0x41, 0x94), '“A”'],
    ['us-ascii', bytes(0x97), '—'],
    ['windows-1252', bytes(0x80, 0x20, 0x85), '€ …'],
    ['iso-8859-15', bytes(0xa4), '€'],
    ['windows-1251', bytes(0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2), 'Привет'],
    ['koi8-r', bytes(0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4), 'Привет'],
    ['shift_jis', bytes(0x93, 0xfa, 0x96, 0x7b), '日本'],
    ['euc-jp', bytes(0xc6, 0xfc, 0xcb, 0xdc), '日本'],
    ['gb2312', bytes(0xd6, 0xd0, 0xce, 0xc4), '中文'],
    ['big5', bytes(0xa4, 0xa4, 0xa4, 0xe5), '中文'],
    ['euc-kr', bytes(0xc7, 0xd1, 0xb1, 0xdb), '한글'],
    ['utf-16be', bytes(0x00, 0x41, 0x00, 0xe9), 'Aé'],
  ])('decodes %s from the Content-Type header', (charset, body, text) => {
    expect(decodeFeedBytes(body, `application/rss+xml; charset="${charset.toUpperCase()}"`)).toEqual({ text, charset });
  });

  it('reads the XML declaration when the header names no charset', () => {
    const body = join(ascii('<?xml version="1.0" encoding="ISO-8859-1"?><t>'), bytes(0xe0), ascii('</t>'));
    expect(decodeFeedBytes(body, 'text/xml')).toEqual({ text: '<?xml version="1.0" encoding="ISO-8859-1"?><t>à</t>', charset: 'iso-8859-1' });
  });

  it('lets a byte-order mark win over the header, and drops the mark', () => {
    const body = join(bytes(0xff, 0xfe), Uint8Array.from(Buffer.from('<rss>Ü</rss>', 'utf16le')));
    expect(decodeFeedBytes(body, 'text/xml; charset=iso-8859-1')).toEqual({ text: '<rss>Ü</rss>', charset: 'utf-16le' });
    expect(decodeFeedBytes(join(bytes(0xef, 0xbb, 0xbf), ascii('<rss/>')))).toEqual({ text: '<rss/>', charset: 'utf-8' });
  });

  it('skips a label the standard does not know for the next clue, then UTF-8', () => {
    const body = join(ascii('<?xml version="1.0" encoding="windows-1251"?>'), bytes(0xc0));
    expect(decodeFeedBytes(body, 'text/xml; charset=x-no-such-charset').charset).toBe('windows-1251');
    expect(decodeFeedBytes(Uint8Array.from(Buffer.from('Zürich')), 'text/xml; charset=utf-7')).toEqual({ text: 'Zürich', charset: 'utf-8' });
  });

  it('gives windows-1252 its own characters for bytes 0x80-0x9F, whatever the Node version', () => {
    const body = bytes(0x80, 0x82, 0x83, 0x8a, 0x8c, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x99, 0x9f);
    expect(decodeFeedBytes(body, 'text/xml; charset=windows-1252').text).toBe('€‚ƒŠŒ‘’“”•–—™Ÿ');
    // The five bytes the standard leaves undefined stay the code points of the same value.
    expect([...decodeFeedBytes(bytes(0x81, 0x8d, 0x8f, 0x90, 0x9d), 'text/xml; charset=windows-1252').text].map((c) => c.charCodeAt(0))).toEqual([
      0x81, 0x8d, 0x8f, 0x90, 0x9d,
    ]);
  });

  it('turns bytes invalid in the charset into U+FFFD instead of failing', () => {
    expect(decodeFeedBytes(bytes(0x41, 0xff, 0x42), 'text/xml; charset=utf-8').text).toBe('A\uFFFDB');
  });
});
