import { describe, expect, it } from 'vitest';
import { buildIcs, calendarEntryForAction } from '../../functions/domain/calendar/index.js';
import type { FollowUpAction } from '../../functions/domain/interview.js';

const STAMP = new Date('2026-11-30T08:00:00.123Z');

/** Unfolds per RFC 5545 §3.1 (CRLF followed by one space or tab). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

const entryWith = (text: { summary?: string; description?: string }) =>
  buildIcs({ uid: 'int-1@afterview', date: '2026-12-03', summary: text.summary ?? 'short', description: text.description, stamp: STAMP });

describe('text values', () => {
  it('escapes backslash, semicolon, comma and newlines; drops other controls', () => {
    expect(unfold(entryWith({ description: 'a\\b;c,d\ne\r\nf\u0000g' }))).toContain('\r\nDESCRIPTION:a\\\\b\\;c\\,d\\ne\\nfg\r\n');
  });
});

describe('line folding', () => {
  it('leaves short lines alone', () => {
    expect(entryWith({ summary: 'short' })).toContain('\r\nSUMMARY:short\r\n');
  });

  it('folds at 75 octets and never splits a UTF-8 character', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}`;
    const ics = entryWith({ description: 'é'.repeat(100) });
    const start = ics.indexOf('DESCRIPTION:');
    const folded = ics.slice(start, ics.indexOf('\r\nTRANSP:', start));
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(unfold(folded)).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });
});

describe('buildIcs', () => {
  const ics = buildIcs({
    uid: 'int-1-follow-up-2026-12-03@afterview',
    date: '2026-12-31',
    summary: 'Follow up: Data Analyst at Acme, Inc.; "R&D"',
    description: 'Line one\nLine two, with a comma; and a semicolon',
    url: 'https://afterview.example/v1/plan',
    stamp: STAMP,
  });

  it('is one all-day VEVENT in a VCALENDAR, with CRLF line endings only', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('dates the event as a whole day, ending the next day (across the year end)', () => {
    const text = unfold(ics);
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20261231\r\n');
    expect(text).toContain('\r\nDTEND;VALUE=DATE:20270101\r\n');
    expect(text).toContain('\r\nDTSTAMP:20261130T080000Z\r\n');
  });

  it('escapes text values', () => {
    const text = unfold(ics);
    expect(text).toContain('SUMMARY:Follow up: Data Analyst at Acme\\, Inc.\\; "R&D"');
    expect(text).toContain('DESCRIPTION:Line one\\nLine two\\, with a comma\\; and a semicolon');
    expect(text).toContain('UID:int-1-follow-up-2026-12-03@afterview');
    expect(text).toContain('URL:https://afterview.example/v1/plan');
  });

  it('keeps every physical line within 75 octets', () => {
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('hostile text cannot add properties or components', () => {
    const evil = buildIcs({
      uid: 'x\r\nBEGIN:VALARM',
      date: '2026-12-03',
      summary: 'Hi\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:pwned',
      description: 'a\nATTACH:http://evil.example',
      url: 'javascript:alert(1)',
      stamp: STAMP,
    });
    const lines = unfold(evil).split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('ATTACH') || l.startsWith('BEGIN:VALARM'))).toBe(false);
    expect(lines.some((l) => l.startsWith('URL:'))).toBe(false);
  });
});

describe('calendarEntryForAction', () => {
  it('names the action, role and company, and carries the draft in the description', () => {
    const action: FollowUpAction = {
      type: 'follow-up',
      dueOn: '2026-12-03',
      overdue: false,
      channel: 'email',
      draft: { subject: 'Following up', body: 'Dear Dana,\n\nHello.' },
      why: 'They expected to decide by 30 Nov.',
    };
    const entry = calendarEntryForAction({ id: 'int-1', company: 'Acme\r\nRobotics', role: 'Data Analyst', interviewer: { name: 'Dana Lee' } }, action, STAMP);
    expect(entry).toMatchObject({ uid: 'int-1-follow-up-2026-12-03@afterview', date: '2026-12-03', summary: 'Follow up: Data Analyst at Acme Robotics' });
    expect(entry.description).toContain('with Dana Lee');
    expect(entry.description).toContain('Dear Dana,');
    expect(unfold(buildIcs(entry))).toContain('DTSTART;VALUE=DATE:20261203');
  });
});
