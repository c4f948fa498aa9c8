/**
 * Invariants of the follow-up engine over arbitrary interviews, events, time zones and instants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  assessInterview,
  dateIn,
  greetingName,
  isCalendarDate,
  MAX_DRAFT_WORDS,
  nextKeyDates,
  OUTREACH_ACTIONS,
  planFollowUps,
} from '../../functions/domain/follow-up/index.js';
import { FollowUpPlan, Interview, InterviewEventType, type InterviewInput } from '../../functions/domain/interview.js';

const ZONES = ['UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Pacific/Auckland', 'Pacific/Chatham', 'America/St_Johns', 'Pacific/Kiritimati'];
const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');

const nonBlank = (max: number) => fc.string({ minLength: 1, maxLength: max, unit: 'binary' }).filter((s) => s.trim().length > 0);
/** Names as people type them, with the odd hostile one. */
const personName = fc.oneof(
  fc.constantFrom('Dana Lee', 'Dr. Dana Lee', 'Lee, Dana', 'María-José Núñez', '李雷', 'Jean-Luc Picard', "O'Brien", 'Ms Ada Lovelace', '<script>alert(1)</script> Evil'),
  fc.array(fc.stringMatching(/^[A-Za-zÀ-ÿ'-]{1,15}$/), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
);
const freeText = fc.oneof(nonBlank(200), fc.constantFrom('Acme Robotics', 'Data Analyst', 'Globex\r\nBcc: evil@example.com', 'A'.repeat(200)));

const iso = (ms: number) => new Date(ms).toISOString();

const eventArb = (interviewAt: number) =>
  fc.record({
    type: fc.constantFrom(...InterviewEventType.options),
    offsetMinutes: fc.integer({ min: -2 * 24 * 60, max: 120 * 24 * 60 }),
    decision: fc.option(fc.integer({ min: -5, max: 60 }), { nil: undefined }),
    nullDecision: fc.boolean(),
  }).map(({ type, offsetMinutes, decision, nullDecision }) => {
    const at = interviewAt + offsetMinutes * 60_000;
    const withDate = type === 'heard-back' || type === 'references-requested';
    return {
      type,
      at: iso(at),
      ...(withDate && decision !== undefined ? { decisionExpectedBy: nullDecision ? null : iso(at + decision * DAY).slice(0, 10) } : {}),
    };
  });

const interviewArb = fc
  .record({
    interviewAt: fc.integer({ min: START, max: START + 400 * DAY }),
    zone: fc.constantFrom(...ZONES),
    decisionDays: fc.option(fc.integer({ min: -5, max: 90 }), { nil: null }),
    company: freeText,
    role: freeText,
    interviewer: personName,
    email: fc.option(fc.constant('dana@acme.example'), { nil: undefined }),
    format: fc.option(fc.constantFrom('in-person', 'video', 'phone') as fc.Arbitrary<'in-person' | 'video' | 'phone'>, { nil: undefined }),
    contactPolicy: fc.constantFrom('ok', 'ok', 'no-contact') as fc.Arbitrary<'ok' | 'no-contact'>,
    channel: fc.option(fc.constantFrom('email', 'phone', 'letter', 'in-person', 'linkedin', 'video') as fc.Arbitrary<'email'>, { nil: undefined }),
  })
  .chain((base) =>
    fc.record({
      base: fc.constant(base),
      events: fc.array(eventArb(base.interviewAt), { maxLength: 8 }),
      nowOffsetHours: fc.integer({ min: -10 * 24, max: 150 * 24 }),
    }),
  )
  .map(({ base, events, nowOffsetHours }) => {
    const input: InterviewInput = {
      company: base.company,
      role: base.role,
      interviewer: { name: base.interviewer, ...(base.email ? { email: base.email } : {}) },
      interviewedAt: iso(base.interviewAt),
      ...(base.format ? { format: base.format } : {}),
      decisionExpectedBy: base.decisionDays === null ? null : iso(base.interviewAt + base.decisionDays * DAY).slice(0, 10),
      contactPolicy: base.contactPolicy,
      ...(base.channel ? { lastEmployerChannel: base.channel } : {}),
      timeZone: base.zone,
      events,
    };
    return { interview: Interview.parse(input), now: new Date(base.interviewAt + nowOffsetHours * 3_600_000) };
  });

const RUNS = { numRuns: 400 };

describe('follow-up invariants', () => {
  it('never an outreach action under no-contact (R6)', () => {
    fc.assert(
      fc.property(interviewArb, ({ interview, now }) => {
        const plan = planFollowUps({ ...interview, contactPolicy: 'no-contact' }, now);
        expect(plan.actions.filter((a) => OUTREACH_ACTIONS.has(a.type))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('never a follow-up (or any outreach) once moved on or closed (R5, R11)', () => {
    fc.assert(
      fc.property(interviewArb, ({ interview, now }) => {
        const plan = planFollowUps(interview, now);
        if (plan.status === 'closed') expect(plan.actions).toEqual([]);
        if (plan.status === 'moved-on') expect(plan.actions.map((a) => a.type)).toEqual(['move-on']);
      }),
      RUNS,
    );
  });

  it('at most one follow-up per timeline, even for a candidate who sends everything suggested (R4)', () => {
    fc.assert(
      fc.property(interviewArb, ({ interview }) => {
        // Day by day from the interview, the candidate sends whatever is due and records it.
        const start = Date.parse(interview.interviewedAt);
        const replies = interview.events.filter((e) => e.type === 'heard-back' || e.type === 'references-requested');
        const events = [...replies];
        for (let day = 0; day <= 90; day++) {
          const now = new Date(start + day * DAY + 3_600_000);
          const plan = planFollowUps({ ...interview, events }, now);
          const today = dateIn(now, interview.timeZone);
          for (const action of plan.actions) {
            if (!OUTREACH_ACTIONS.has(action.type) || action.dueOn > today) continue;
            const type = action.type === 'send-thank-you' ? 'thank-you-sent' : action.type === 'check-in' ? 'check-in-sent' : 'follow-up-sent';
            events.push({ type, at: now.toISOString() });
          }
        }
        // Group the follow-ups by the reply they came after: one per stretch at most.
        const replyTimes = replies.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
        const perTimeline = new Map<number, number>();
        for (const e of events.filter((x) => x.type === 'follow-up-sent')) {
          const t = Date.parse(e.at);
          const stretch = replyTimes.filter((r) => r <= t).length;
          perTimeline.set(stretch, (perTimeline.get(stretch) ?? 0) + 1);
        }
        for (const count of perTimeline.values()) expect(count).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });

  it('dueOn is always a real date, within the next 7 days, and overdue only in the past', () => {
    fc.assert(
      fc.property(interviewArb, ({ interview, now }) => {
        const plan = planFollowUps(interview, now);
        expect(FollowUpPlan.safeParse(plan).success).toBe(true);
        const today = dateIn(now, interview.timeZone);
        for (const action of plan.actions) {
          expect(isCalendarDate(action.dueOn)).toBe(true);
          expect(action.dueOn <= addDays(today, 7)).toBe(true);
          if (action.overdue) expect(action.dueOn < today).toBe(true);
          expect(action.why.length).toBeGreaterThan(20);
        }
      }),
      RUNS,
    );
  });

  it('outreach is never due on or before the interview day, and always carries a draft; notices never do', () => {
    fc.assert(
      fc.property(interviewArb, ({ interview, now }) => {
        const interviewDay = dateIn(interview.interviewedAt, interview.timeZone);
        for (const action of planFollowUps(interview, now).actions) {
          if (OUTREACH_ACTIONS.has(action.type)) {
            expect(action.dueOn > interviewDay).toBe(true);
            expect(action.draft).toBeDefined();
          } else {
            expect(action.draft).toBeUndefined();
          }
        }
      }),
      RUNS,
    );
  });

  it('drafts stay under 120 words, greet by first name, and hold no control characters', () => {
    fc.assert(
      fc.property(interviewArb, ({ interview, now }) => {
        const greeting = greetingName(interview.interviewer.name);
        for (const action of planFollowUps(interview, now).actions) {
          if (!action.draft) continue;
          const { subject, body } = action.draft;
          expect(body.split(/\s+/).filter(Boolean).length).toBeLessThan(MAX_DRAFT_WORDS);
          if (greeting) expect(body.split('\n')[0]).toMatch(new RegExp(`^(Dear|Hi|Hello) ${greeting.slice(0, 39).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
          expect(subject).not.toMatch(/[\u0000-\u001f\u007f]/);
          expect(body).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
          expect(body).not.toMatch(/\bwhy\b/i);
        }
      }),
      RUNS,
    );
  });

  it('the plan is a pure function: same input, same plan; later events never change an earlier plan', () => {
    fc.assert(
      fc.property(interviewArb, ({ interview, now }) => {
        const plan = planFollowUps(interview, now);
        expect(planFollowUps(structuredClone(interview), new Date(now.getTime()))).toEqual(plan);
        const past = interview.events.filter((e) => Date.parse(e.at) <= now.getTime());
        expect(planFollowUps({ ...interview, events: past }, now)).toEqual(plan);
      }),
      RUNS,
    );
  });

  it('the timeline agrees with the plan: a listed action has its milestone on the same date', () => {
    fc.assert(
      fc.property(interviewArb, ({ interview, now }) => {
        const plan = planFollowUps(interview, now);
        const milestones = nextKeyDates(interview, now);
        expect(assessInterview(interview, now).status).toBe(plan.status);
        for (const action of plan.actions) {
          const kind = action.type === 'send-thank-you' ? 'thank-you' : action.type;
          if (kind === 'references-not-offer') continue;
          expect(milestones.find((m) => m.kind === kind)?.date).toBe(action.dueOn);
        }
      }),
      RUNS,
    );
  });
});
