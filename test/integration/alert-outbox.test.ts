/**
 * Congratulations alerts through the outbox, against dynalite: what is recorded, what is checked
 * again when the mail is composed (by the run that found the news, or a later poll or digest run),
 * the congratulations slot a re-sent alert may take again, good news while the thank-you is still
 * due (the thank-you with the news folded in, DESIGN.md R8), and "you already got this by alert".
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { alertComposer, composeAlert, createAlertSession, recordAlert, STORY_WAIT_MS, type AlertDeps } from '../../functions/app/alerts/send-alerts.js';
import { runDigestCycle } from '../../functions/app/digest/run-digest-cycle.js';
import { composeAndDeliver, type MessageOf } from '../../functions/app/outbox/deliver-due.js';
import { OutboxSender } from '../../functions/app/outbox/outbox-sender.js';
import type { Mailer, OutgoingEmail } from '../../functions/app/ports.js';
import type { WatchedCompany } from '../../functions/domain/company.js';
import { planFollowUps } from '../../functions/domain/follow-up/index.js';
import type { InterviewInput, StoredInterview } from '../../functions/domain/interview.js';
import type { Story } from '../../functions/domain/news.js';
import { writeCongratulations } from '../../functions/domain/notes/congratulations.js';
import type { Subscriber } from '../../functions/domain/subscriber.js';
import { newStoredInterview, newSubscriber, newWatchedCompany } from '../support/records.js';
import { createTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});

const NOW = new Date('2026-11-04T10:00:00.000Z');
const hoursFromNow = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

class RecordingMailer implements Mailer {
  sent: OutgoingEmail[] = [];
  async send(email: OutgoingEmail) {
    this.sent.push(email);
    return { messageId: `m-${this.sent.length}` };
  }
}

function alertDeps(mailer: Mailer = new RecordingMailer(), now: Date = NOW): AlertDeps {
  return { repos: stack.repos, mailer, links: stack.links, config: stack.config, writeNote: writeCongratulations, clock: { now: () => now } };
}

interface Watcher {
  sub: Subscriber;
  company: WatchedCompany;
  interview: StoredInterview;
}

async function watcher(interview: Partial<InterviewInput> = {}, subscriber: Partial<Subscriber> = {}): Promise<Watcher> {
  const sub = newSubscriber({ email: `alert-${randomUUID().slice(0, 8)}@example.test`, ...subscriber });
  await stack.repos.subscribers.save(sub);
  const company = newWatchedCompany(sub.id, `Acme Robotics ${randomUUID().slice(0, 6)}`, { sourceIds: ['search', 'their-newsroom'] });
  await stack.repos.companies.put(company);
  const stored = newStoredInterview(company, interview);
  await stack.repos.interviews.put(stored);
  return { sub, company, interview: stored };
}

const positive = { polarity: 'positive' as const, event: 'contract-win', congratulate: true, confidence: 0.9, reasons: ['wins'] };

function storyFor(company: WatchedCompany, title: string, extra: Partial<Story> = {}): Story {
  return {
    companyKey: company.key,
    id: `story-${randomUUID().slice(0, 8)}`,
    title: `${company.name} ${title}`,
    link: 'https://news.example/story',
    publisher: 'Reuters',
    publishedAt: hoursFromNow(-3).toISOString(),
    summary: null,
    firstSeenAt: NOW.toISOString(),
    normalizedTitle: title.toLowerCase(),
    classification: positive,
    sourceIds: ['search'],
    ...extra,
  };
}

/** Records the alert (as the poll does, before storing the story), stores the story, returns the message. */
async function recorded(w: Watcher, story: Story, deps: AlertDeps = alertDeps()): Promise<MessageOf<'alert'>> {
  const decision = await recordAlert(deps, createAlertSession(), story, w.company, NOW);
  if (!decision.recorded) throw new Error(`not recorded: ${decision.reason}`);
  await stack.repos.news.putMany([story]);
  return decision.message;
}

/** Composes and sends one recorded message as a run would (a fresh run: nothing remembered). */
async function send(message: MessageOf<'alert'>, deps: AlertDeps, now = NOW) {
  const sender = new OutboxSender(deps);
  return composeAndDeliver(deps, sender, alertComposer(deps), message, now);
}

const ref = (m: MessageOf<'alert'>) => ({ subscriberId: m.subscriberId, kind: m.kind, key: m.key });

describe('good news while the thank-you is still due (R8 with R1)', () => {
  it('offers the thank-you with one sentence about the news — the plan’s own draft — and “I sent it” records the thank-you', async () => {
    // Interviewed yesterday; no thank-you recorded yet.
    const w = await watcher({ interviewedAt: hoursFromNow(-20).toISOString(), events: [] });
    const story = storyFor(w.company, 'wins $40 million rail contract from the state of Ohio');
    const mailer = new RecordingMailer();
    expect(await send(await recorded(w, story), alertDeps(mailer))).toBe('sent');

    const [mail, ...more] = mailer.sent;
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(`Good news at ${w.company.name}: your thank-you to Dana Lee can mention it`);
    expect(mail!.text).toContain('Your thank-you note to Dana Lee');
    expect(mail!.text).toContain('Here it is with one line about the news, so one note does both');
    // The very note the plan offers (the digest, the Today page and GET /v1/plan ask the same).
    const planned = planFollowUps(w.interview, NOW, { news: { title: story.title, event: 'contract-win' } }).actions.find((a) => a.type === 'send-thank-you')!;
    expect(planned.draft!.body).toMatch(/\$40 million rail contract/);
    expect(mail!.text).toContain(`Subject: ${planned.draft!.subject}`);
    expect(mail!.text).toContain(planned.draft!.body.trim());
    expect(mail!.text).toContain(planned.why);
    expect(mail!.text).not.toContain('A short note to');

    // "I sent it" records the thank-you, not a congratulations note.
    const tokens = [...mail!.text.matchAll(/\/v1\/actions\?token=([^\s]+)/g)].map((m) => decodeURIComponent(m[1]!));
    const payloads = await Promise.all(tokens.map((t) => stack.links.verify(t, NOW)));
    expect(payloads.find((p) => p?.purpose === 'interview-event')?.data).toEqual({ interviewId: w.interview.id, type: 'thank-you-sent' });
  });

  it('goes out at most once per interview: later good news, even after 14 days, gets no second one', async () => {
    const w = await watcher({ interviewedAt: hoursFromNow(-20).toISOString(), events: [] });
    const mailer = new RecordingMailer();
    expect(await send(await recorded(w, storyFor(w.company, 'wins a design award')), alertDeps(mailer))).toBe('sent');

    const later = hoursFromNow(15 * 24);
    const second = storyFor(w.company, 'opens a new plant in Ohio', { publishedAt: hoursFromNow(15 * 24 - 2).toISOString() });
    const decision = await recordAlert(alertDeps(mailer, later), createAlertSession(), second, w.company, later);
    expect(decision).toMatchObject({ recorded: false });
    expect(mailer.sent).toHaveLength(1);
  });
});

describe('the congratulations slot (R8: one note per interview per 14 days)', () => {
  it('goes to the first story; the same story’s alert, sent again after a run died, takes it again; another story cannot', async () => {
    const w = await watcher();
    const first = storyFor(w.company, 'wins 2026 Innovation Award');
    const message = await recorded(w, first);
    // The run that recorded it composed it (taking the slot) and died before sending.
    const composed = await composeAlert(alertDeps(), createAlertSession(), message, NOW);
    expect('send' in composed).toBe(true);
    const slot = await stack.repos.interviews.get(w.sub.id, w.interview.id);
    expect(slot).toMatchObject({ lastCongratsSuggestedAt: NOW.toISOString(), lastCongratsStoryKey: `${first.companyKey}#${first.id}` });

    // A later run sends it: the slot is this story's own.
    const mailer = new RecordingMailer();
    expect(await send(message, alertDeps(mailer, hoursFromNow(1)), hoursFromNow(1))).toBe('sent');
    expect(mailer.sent).toHaveLength(1);
    // Another story of the same days gets nothing: the slot is taken.
    const other = storyFor(w.company, 'signs contract with Globex');
    expect(await recordAlert(alertDeps(mailer, hoursFromNow(2)), createAlertSession(), other, w.company, hoursFromNow(2))).toMatchObject({ recorded: false });
    expect(await stack.repos.interviews.claimCongratsSlot(w.sub.id, w.interview.id, hoursFromNow(2), 14, { storyKey: `${other.companyKey}#${other.id}`, freeIfBefore: hoursFromNow(2 - 14 * 24) })).toBe(false);
  });

  it('within one run, the newest good news gets the interview; an older story found with it is not recorded', async () => {
    const w = await watcher();
    const session = createAlertSession();
    const newest = storyFor(w.company, 'wins gold', { publishedAt: hoursFromNow(-1).toISOString() });
    const older = storyFor(w.company, 'wins silver', { publishedAt: hoursFromNow(-5).toISOString() });
    expect(await recordAlert(alertDeps(), session, newest, w.company, NOW)).toMatchObject({ recorded: true });
    expect(await recordAlert(alertDeps(), session, older, w.company, NOW)).toMatchObject({ recorded: false });
  });
});

describe('an alert composed later checks everything again', () => {
  it.each([
    ['the subscriber now reads news in the digest', (w: Watcher) => stack.repos.subscribers.save({ ...w.sub, alerts: 'digest' }), 'skipped'],
    ['the company is no longer watched', (w: Watcher) => stack.repos.companies.delete(w.sub.id, w.company.id), 'skipped'],
    ['the employer asked for no contact (R6)', (w: Watcher) => stack.repos.interviews.put({ ...w.interview, contactPolicy: 'no-contact' }), 'skipped'],
    ['the interview closed (R11)', (w: Watcher) => stack.repos.interviews.put({ ...w.interview, events: [...w.interview.events, { type: 'rejected', at: NOW.toISOString() }] }), 'skipped'],
    ['the address bounced', (w: Watcher) => stack.repos.suppressions.suppress(w.sub.email, 'bounce', NOW), 'suppressed'],
  ] as const)('%s: it ends unsent', async (_what, change, ended) => {
    const w = await watcher();
    const message = await recorded(w, storyFor(w.company, 'wins 2026 Innovation Award'));
    await change(w);
    const mailer = new RecordingMailer();
    expect(await send(message, alertDeps(mailer, hoursFromNow(1)), hoursFromNow(1))).toBe(ended);
    expect(mailer.sent).toHaveLength(0);
    expect(await stack.repos.outbox.get(ref(message), NOW)).toMatchObject({ state: ended });
  });

  it('news no longer fresh by then is dropped (counted), not sent late', async () => {
    const w = await watcher();
    const message = await recorded(w, storyFor(w.company, 'wins 2026 Innovation Award'));
    const muchLater = hoursFromNow(15 * 24);
    const mailer = new RecordingMailer();
    expect(await send(message, alertDeps(mailer, muchLater), muchLater)).toBe('dropped');
    expect(mailer.sent).toHaveLength(0);
  });

  it('is written from the subscriber’s own source’s copy, judged on its words', async () => {
    const w = await watcher();
    // Their newsroom is their second source; the news search did not carry the story.
    const copy = (sourceId: string, title: string) => ({ sourceId, title: `${w.company.name} ${title}`, link: `https://${sourceId}.example/`, publisher: sourceId, publishedAt: hoursFromNow(-2).toISOString(), summary: null, classification: positive });
    const story = storyFor(w.company, 'wins rail contract', {
      sourceIds: ['someone-elses-feed', 'their-newsroom'],
      copies: [copy('someone-elses-feed', 'wins contract: claim your prize'), copy('their-newsroom', 'wins $40 million rail contract')],
    });
    const mailer = new RecordingMailer();
    const view = { ...story, ...copy('their-newsroom', 'wins $40 million rail contract'), sourceIds: ['their-newsroom'], copies: undefined };
    const decision = await recordAlert(alertDeps(mailer), createAlertSession(), view, w.company, NOW);
    expect(decision.recorded).toBe(true);
    await stack.repos.news.putMany([story]);
    expect(await send((decision as { message: MessageOf<'alert'> }).message, alertDeps(mailer))).toBe('sent');
    expect(mailer.sent[0]!.text).toContain('wins $40 million rail contract');
    expect(mailer.sent[0]!.text).not.toContain('claim your prize');
  });

  it('waits for a story that is not stored yet (the run that found it died first), then drops it', async () => {
    const w = await watcher();
    const story = storyFor(w.company, 'wins 2026 Innovation Award');
    const decision = await recordAlert(alertDeps(), createAlertSession(), story, w.company, NOW);
    const message = (decision as { message: MessageOf<'alert'> }).message;
    const mailer = new RecordingMailer();
    expect(await send(message, alertDeps(mailer, hoursFromNow(1)), hoursFromNow(1))).toBe('pending');
    expect(await stack.repos.outbox.get(ref(message), NOW)).toMatchObject({ state: 'pending' });
    const past = new Date(NOW.getTime() + STORY_WAIT_MS + 60_000);
    expect(await send(message, alertDeps(mailer, past), past)).toBe('dropped');
    expect(mailer.sent).toHaveLength(0);
  });
});

describe('the hourly mail run', () => {
  it('sends an alert a poll run left pending, and that day’s digest says it went by email', async () => {
    const w = await watcher({ interviewedAt: '2026-10-22T15:00:00Z' }, { timeZone: 'America/New_York', nextDigestAt: '2026-11-04T13:00:00.000Z' });
    await stack.repos.subscribers.save({ ...w.sub, nextDigestAt: '2026-11-04T13:00:00.000Z' });
    const story = storyFor(w.company, 'wins 2026 Innovation Award', { publishedAt: hoursFromNow(-1).toISOString() });
    const message = await recorded(w, story);
    const at = new Date('2026-11-04T13:05:00.000Z');
    const mailer = new RecordingMailer();
    const deps = { ...alertDeps(mailer, at), repos: stack.repos };
    const summary = await runDigestCycle(deps, at, { alsoDeliver: { alert: alertComposer(deps) } });
    expect(summary.outbox.sent).toBe(2);
    const [alert, digest] = mailer.sent;
    expect(alert!.subject).toBe(`Good news at ${w.company.name}: a reason to write to Dana Lee`);
    expect(digest!.kind).toBe('digest');
    expect(digest!.text).toContain('The congratulations note for this went to you by email');
    expect(await stack.repos.claims.alertSentAt(w.sub.id, story.companyKey, story.id)).toBe((await stack.repos.outbox.get(ref(message), at))!.sentAt);
  });
});

describe('when an alert went out ("you already got this by alert")', () => {
  it('is the outbox message’s sentAt; an alert recorded and not sent counts as none; alerts sent before the outbox still count', async () => {
    const w = await watcher();
    const story = storyFor(w.company, 'wins 2026 Innovation Award');
    const message = await recorded(w, story);
    expect(await stack.repos.claims.alertSentAt(w.sub.id, story.companyKey, story.id)).toBeNull();
    expect(await send(message, alertDeps())).toBe('sent');
    const sentAt = (await stack.repos.outbox.get(ref(message), NOW))!.sentAt!;
    expect(await stack.repos.claims.alertSentAt(w.sub.id, story.companyKey, story.id)).toBe(sentAt);

    // An alert claimed and sent the old way, before the outbox carried alerts.
    const old = storyFor(w.company, 'opens a new office');
    await stack.repos.claims.claimAlert(w.sub.id, old.companyKey, old.id, hoursFromNow(-48));
    await stack.repos.claims.markAlertSent(w.sub.id, old.companyKey, old.id, hoursFromNow(-48), 'old-1');
    expect(await stack.repos.claims.alertSentAt(w.sub.id, old.companyKey, old.id)).toBe(hoursFromNow(-48).toISOString());
  });
});
