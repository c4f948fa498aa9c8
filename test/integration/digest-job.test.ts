/**
 * The digest job against dynalite and the mail catcher: who is due, what the mail carries, and
 * exactly one digest per subscriber per local day however often and however concurrently it runs.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestFor, runDigestCycle, type DigestDeps } from '../../functions/app/digest/run-digest-cycle.js';
import { MailDeliveryError } from '../../functions/app/errors.js';
import { DEFAULT_MAX_ATTEMPTS, OutboxSender } from '../../functions/app/outbox/outbox-sender.js';
import type { Mailer, OutgoingEmail } from '../../functions/app/ports.js';
import type { WatchedCompany } from '../../functions/domain/company.js';
import { NEWS_IN_THANK_YOU } from '../../functions/domain/follow-up/index.js';
import type { InterviewEvent, StoredInterview } from '../../functions/domain/interview.js';
import type { Story } from '../../functions/domain/news.js';
import { writeCongratulations } from '../../functions/domain/notes/congratulations.js';
import { newsOfStory, noteVariant } from '../../functions/domain/notes/story-news.js';
import { nextDigestAt } from '../../functions/domain/subscriber-schedule.js';
import type { Subscriber } from '../../functions/domain/subscriber.js';
import { newSubscriber, newWatchedCompany } from '../support/records.js';
import { createTestStack, mailTo, type TestStack } from '../support/stack.js';

let stack: TestStack;

/** Counts what would be sent, per recipient. */
class RecordingMailer implements Mailer {
  sent: OutgoingEmail[] = [];
  async send(email: OutgoingEmail) {
    this.sent.push(email);
    await new Promise((r) => setTimeout(r, 2));
    return { messageId: `m-${this.sent.length}` };
  }
  to(address: string) {
    return this.sent.filter((e) => e.to === address);
  }
}

function deps(mailer: Mailer): DigestDeps {
  return { repos: stack.repos, mailer, links: stack.links, config: stack.config };
}

// 08:30 in New York on 26 November 2026 (EST, UTC-5).
const MORNING = new Date('2026-11-26T13:30:00Z');

async function seedSubscriber(overrides: Partial<Subscriber> = {}, due = true): Promise<Subscriber> {
  const sub = newSubscriber({ timeZone: 'America/New_York', ...overrides });
  sub.email = `digest-${sub.id.slice(0, 8)}@example.test`;
  // Due: the next digest instant was this morning's 08:00 local.
  sub.nextDigestAt = due ? '2026-11-26T13:00:00.000Z' : nextDigestAt(sub, MORNING);
  await stack.repos.subscribers.createIfAbsent(sub);
  return sub;
}

/** A watched company whose news comes from its news search (the source its stories name). */
async function seedCompany(sub: Subscriber, name = 'Acme Robotics'): Promise<WatchedCompany> {
  const company = newWatchedCompany(sub.id, name, { sourceIds: [`news-search of ${name}`] });
  await stack.repos.companies.put(company);
  return company;
}

async function seedInterview(
  sub: Subscriber,
  company: WatchedCompany,
  overrides: Partial<StoredInterview> = {},
  events: InterviewEvent[] = [],
): Promise<StoredInterview> {
  const interview: StoredInterview = {
    id: randomUUID(),
    subscriberId: sub.id,
    companyId: company.id,
    company: company.name,
    role: 'Data Analyst',
    interviewer: { name: 'Dana Lee', email: 'dana@acme.example' },
    interviewedAt: '2026-11-25T15:00:00Z',
    decisionExpectedBy: '2026-12-10',
    contactPolicy: 'ok',
    lastEmployerChannel: 'email',
    timeZone: 'America/New_York',
    events,
    createdAt: '2026-11-25T16:00:00.000Z',
    updatedAt: '2026-11-25T16:00:00.000Z',
    ...overrides,
  };
  await stack.repos.interviews.put(interview);
  return interview;
}

beforeAll(async () => {
  stack = await createTestStack({ AFTERVIEW_PUBLIC_URL: 'https://afterview.example' });
});

describe('the digest job', () => {
  it('sends a due subscriber one digest with the thank-you, its draft and one-click links', async () => {
    const sub = await seedSubscriber();
    await seedInterview(sub, await seedCompany(sub));
    const summary = await runDigestCycle({ ...deps(stack.mailer) }, MORNING);
    expect(summary.sent).toBeGreaterThanOrEqual(1);

    const [mail, ...more] = await mailTo(stack.sesEndpoint, sub.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toMatch(/thank-you/i);
    expect(mail!.body.text).toContain('Dana');
    expect(mail!.body.html).toContain('<table');
    expect(mail!.body.html).toMatch(/https:\/\/afterview\.example\/v1\/actions\?token=/);
    const headers = Object.fromEntries((mail!.headers ?? []).map((h) => [h.name, h.value]));
    expect(headers['List-Unsubscribe']).toMatch(/^<https:\/\/afterview\.example\/v1\/unsubscribe\?token=.+>$/);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // The next digest is tomorrow at 08:00 New York time.
    expect((await stack.repos.subscribers.get(sub.id))?.nextDigestAt).toBe('2026-11-27T13:00:00.000Z');
  });

  it('sends nothing when there is nothing to act on, unless asked for daily mail', async () => {
    const quiet = await seedSubscriber();
    const daily = await seedSubscriber({ dailyEvenIfEmpty: true });
    const mailer = new RecordingMailer();
    expect(await digestFor(deps(mailer), quiet, MORNING)).toBe('nothing-to-say');
    expect(await digestFor(deps(mailer), daily, MORNING)).toBe('sent');
    expect(mailer.to(quiet.email)).toHaveLength(0);
    expect(mailer.to(daily.email)).toHaveLength(1);
  });

  it('does not send before the local hour when yesterday\'s was missed, and catches up later the same day', async () => {
    const sub = await seedSubscriber({}, false);
    await seedInterview(sub, await seedCompany(sub));
    await stack.repos.subscribers.updateSettings(sub.id, { nextDigestAt: '2026-11-25T13:00:00.000Z' });
    const mailer = new RecordingMailer();
    const sevenAm = new Date('2026-11-26T12:00:00Z');
    expect(await digestFor(deps(mailer), (await stack.repos.subscribers.get(sub.id))!, sevenAm)).toBe('not-yet-today');
    expect((await stack.repos.subscribers.get(sub.id))?.nextDigestAt).toBe('2026-11-26T13:00:00.000Z');
    // The 08:00 run is missed; the 11:00 run catches up.
    const elevenAm = new Date('2026-11-26T16:00:00Z');
    const due = (await stack.repos.subscribers.listDueForDigest(elevenAm)).map((s) => s.id);
    expect(due).toContain(sub.id);
    expect(await digestFor(deps(mailer), (await stack.repos.subscribers.get(sub.id))!, elevenAm)).toBe('sent');
    expect(mailer.to(sub.email)).toHaveLength(1);
  });

  it('sends nothing to a suppressed address', async () => {
    const sub = await seedSubscriber();
    await seedInterview(sub, await seedCompany(sub));
    await stack.repos.suppressions.suppress(sub.email, 'hard bounce', MORNING);
    const mailer = new RecordingMailer();
    expect(await digestFor(deps(mailer), sub, MORNING)).toBe('suppressed');
    expect(mailer.sent).toHaveLength(0);
  });

  it('counts a digest the mailer held back for a just-suppressed address as suppressed, not sent', async () => {
    const sub = await seedSubscriber();
    await seedInterview(sub, await seedCompany(sub));
    const holding: Mailer = { send: async () => ({ messageId: '', suppressed: true }) };
    expect(await digestFor(deps(holding), sub, MORNING)).toBe('suppressed');
    // The day's message ended suppressed, so no later run tries again today.
    expect((await stack.repos.outbox.get({ subscriberId: sub.id, kind: 'digest', key: '2026-11-26' }, MORNING))?.state).toBe('suppressed');
    const mailer = new RecordingMailer();
    expect(await digestFor(deps(mailer), sub, MORNING)).toBe('already-sent');
    expect(mailer.sent).toHaveLength(0);
  });

  it('leaves the day\'s digest pending when the mail service keeps failing, and a later run sends it', async () => {
    const sub = await seedSubscriber();
    await seedInterview(sub, await seedCompany(sub));
    let attempts = 0;
    const failing: Mailer = {
      send: async () => {
        attempts++;
        throw new MailDeliveryError('throttled', 'transient', true);
      },
    };
    const patient = new OutboxSender(deps(failing), { sleep: async () => {} });
    expect(await digestFor(deps(failing), sub, MORNING, undefined, patient)).toBe('pending');
    expect(attempts).toBe(DEFAULT_MAX_ATTEMPTS);
    expect((await stack.repos.outbox.get({ subscriberId: sub.id, kind: 'digest', key: '2026-11-26' }, MORNING))?.state).toBe('pending');
    const mailer = new RecordingMailer();
    expect(await digestFor(deps(mailer), sub, MORNING)).toBe('sent');
    expect(mailer.to(sub.email)).toHaveLength(1);
  });

  it('shows good news for a no-contact interview for information only, with no note to send', async () => {
    const sub = await seedSubscriber();
    const company = await seedCompany(sub, `Globex ${randomUUID().slice(0, 6)}`);
    await seedInterview(sub, company, { contactPolicy: 'no-contact', interviewedAt: '2026-11-10T15:00:00Z' });
    await stack.repos.news.putIfNew({
      companyKey: company.key,
      id: 'story-1',
      title: `${company.name} wins national innovation award`,
      link: 'https://news.example/award',
      publisher: 'Example Times',
      publishedAt: '2026-11-26T09:00:00.000Z',
      summary: null,
      firstSeenAt: '2026-11-26T10:00:00.000Z',
      normalizedTitle: 'globex wins national innovation award',
      classification: { polarity: 'positive', event: 'award', congratulate: true, confidence: 0.9, reasons: ['award'] },
      sourceIds: company.sourceIds,
    });
    const mailer = new RecordingMailer();
    expect(await digestFor(deps(mailer), sub, MORNING)).toBe('sent');
    const mail = mailer.to(sub.email)[0]!;
    expect(mail.text).toContain('innovation award');
    expect(mail.text).toMatch(/for your information/i);
    expect(mail.text).toContain('as they asked not to be contacted');
    expect(mail.text).not.toMatch(/Congratulations/);
    expect(mail.html).not.toContain('mailto:dana@acme.example');
  });

  it('says the congratulations note already went by email when an instant alert carried it, and offers no second one', async () => {
    const sub = await seedSubscriber({ alerts: 'instant' });
    const company = await seedCompany(sub, `Initech ${randomUUID().slice(0, 6)}`);
    const interview = await seedInterview(sub, company, { interviewedAt: '2026-11-10T15:00:00Z' }, [{ type: 'thank-you-sent', at: '2026-11-10T20:00:00Z' }]);
    const story = {
      companyKey: company.key,
      id: 'story-alerted',
      title: `${company.name} wins national innovation award`,
      link: 'https://news.example/award',
      publisher: 'Example Times',
      publishedAt: '2026-11-25T20:00:00.000Z',
      summary: null,
      firstSeenAt: '2026-11-25T21:00:00.000Z',
      normalizedTitle: 'initech wins national innovation award',
      classification: { polarity: 'positive' as const, event: 'award', congratulate: true, confidence: 0.9, reasons: ['award'] },
      sourceIds: company.sourceIds,
    };
    await stack.repos.news.putIfNew(story);
    // What the poll cycle did last evening (New York time): claimed the alert, took the 14-day slot, sent, recorded it.
    const alertedAt = new Date('2026-11-25T21:05:00Z');
    expect(await stack.repos.claims.claimAlert(sub.id, company.key, story.id, alertedAt, { companyId: company.id })).toBe(true);
    expect(await stack.repos.interviews.claimCongratsSlot(sub.id, interview.id, alertedAt, 14)).toBe(true);
    await stack.repos.claims.markAlertSent(sub.id, company.key, story.id, alertedAt, 'alert-1');

    const mailer = new RecordingMailer();
    expect(await digestFor(deps(mailer), sub, MORNING)).toBe('sent');
    const mail = mailer.to(sub.email)[0]!;
    expect(mail.text).toContain('innovation award');
    expect(mail.text).toContain('The congratulations note for this went to you by email on 25 Nov.');
    expect(mail.html).toContain('The congratulations note for this went to you by email on 25 Nov.');
    expect(mail.text).not.toMatch(/for your information only/i);
    expect(mail.text).not.toContain('A short note could be welcome');
    expect(mail.html).not.toContain('mailto:dana@acme.example');
  });

  it('without a sent alert, the same story in an instant-mode digest offers the note', async () => {
    const sub = await seedSubscriber({ alerts: 'instant' });
    const company = await seedCompany(sub, `Initech ${randomUUID().slice(0, 6)}`);
    await seedInterview(sub, company, { interviewedAt: '2026-11-10T15:00:00Z' }, [{ type: 'thank-you-sent', at: '2026-11-10T20:00:00Z' }]);
    await stack.repos.news.putIfNew({
      companyKey: company.key,
      id: 'story-unalerted',
      title: `${company.name} wins national innovation award`,
      link: 'https://news.example/award',
      publisher: 'Example Times',
      publishedAt: '2026-11-25T20:00:00.000Z',
      summary: null,
      firstSeenAt: '2026-11-25T21:00:00.000Z',
      normalizedTitle: 'initech wins national innovation award',
      classification: { polarity: 'positive', event: 'award', congratulate: true, confidence: 0.9, reasons: ['award'] },
      sourceIds: company.sourceIds,
    });
    // A claim whose alert was never sent (another suggestion took the slot) is not "sent".
    await stack.repos.claims.claimAlert(sub.id, company.key, 'story-unalerted', new Date('2026-11-25T21:05:00Z'));
    const mailer = new RecordingMailer();
    expect(await digestFor(deps(mailer), sub, MORNING)).toBe('sent');
    const mail = mailer.to(sub.email)[0]!;
    expect(mail.text).toContain('A short note could be welcome:');
    expect(mail.text).not.toContain('went to you by email');
  });

  /** A fresh contract win about `company`, first seen last evening (after yesterday's interview), carried by `sourceIds`. */
  async function contractWin(company: WatchedCompany, overrides: Partial<Story> = {}): Promise<Story> {
    const story: Story = {
      companyKey: company.key,
      id: `story-${randomUUID().slice(0, 8)}`,
      title: `${company.name} wins $40 million rail contract from the state of Ohio`,
      link: 'https://news.example/rail',
      publisher: 'Example Times',
      publishedAt: '2026-11-25T21:00:00.000Z',
      summary: null,
      firstSeenAt: '2026-11-25T22:00:00.000Z',
      normalizedTitle: `${company.name.toLowerCase()} wins 40 million rail contract from the state of ohio`,
      classification: { polarity: 'positive', event: 'contract-win', congratulate: true, confidence: 0.9, reasons: ['contract'] },
      sourceIds: company.sourceIds,
      ...overrides,
    };
    await stack.repos.news.putIfNew(story);
    return story;
  }

  /** The thank-you block of a digest's text: from its title to the next blank-line-separated heading. */
  const thankYouPart = (text: string) => text.slice(text.indexOf('Send your thank-you note'), text.indexOf('GOOD NEWS'));

  it('folds fresh good news into the thank-you still due, in text and HTML, and the good-news entry points at it', async () => {
    const sub = await seedSubscriber();
    const company = await seedCompany(sub, `Initech ${randomUUID().slice(0, 6)}`);
    // Interviewed yesterday afternoon: the thank-you is due today.
    await seedInterview(sub, company);
    await contractWin(company);

    const mailer = new RecordingMailer();
    expect(await digestFor(deps(mailer), sub, MORNING)).toBe('sent');
    const mail = mailer.to(sub.email)[0]!;
    const thankYou = thankYouPart(mail.text);
    expect(thankYou).toMatch(/\$40 million rail contract/);
    expect(thankYou).toContain(NEWS_IN_THANK_YOU);
    expect(mail.html).toMatch(/\$40 million rail contract/);
    expect(mail.html).toContain(NEWS_IN_THANK_YOU);
    // The story is still listed, pointing at the thank-you rather than "for your information only".
    const goodNews = mail.text.slice(mail.text.indexOf('GOOD NEWS'));
    expect(goodNews).toContain('wins $40 million rail contract from the state of Ohio');
    expect(goodNews).toContain('No separate note: your thank-you note above mentions this news.');
    expect(mail.html).toContain('No separate note: your thank-you note above mentions this news.');
    expect(mail.text).not.toMatch(/for your information only/i);
    expect(mail.text).not.toContain('A short note could be welcome');
    // The mail-app link carries the folded draft too.
    expect(mail.html).toMatch(/mailto:dana@acme\.example\?subject=[^"]*rail%20contract/);
  });

  it('keeps news older than the last day in the thank-you still due, while the good-news section lists only the last day’s', async () => {
    const sub = await seedSubscriber();
    const company = await seedCompany(sub, `Initech ${randomUUID().slice(0, 6)}`);
    // Interviewed three days ago, thank-you not yet sent; the contract win was seen two days ago.
    await seedInterview(sub, company, { interviewedAt: '2026-11-23T15:00:00Z' });
    await contractWin(company, { publishedAt: '2026-11-23T21:00:00.000Z', firstSeenAt: '2026-11-23T22:00:00.000Z' });
    const mailer = new RecordingMailer();
    expect(await digestFor(deps(mailer), sub, MORNING)).toBe('sent');
    const mail = mailer.to(sub.email)[0]!;
    expect(mail.text).not.toContain('GOOD NEWS');
    expect(mail.text.slice(mail.text.indexOf('Send your thank-you note'))).toMatch(/\$40 million rail contract/);
  });

  it('once the thank-you is recorded, shows the same news with R8\'s spacing as before, and no fold-in', async () => {
    const sub = await seedSubscriber();
    const company = await seedCompany(sub, `Initech ${randomUUID().slice(0, 6)}`);
    await seedInterview(sub, company, {}, [{ type: 'thank-you-sent', at: '2026-11-25T20:00:00Z' }]);
    await contractWin(company);
    const mailer = new RecordingMailer();
    expect(await digestFor(deps(mailer), sub, MORNING)).toBe('sent');
    const mail = mailer.to(sub.email)[0]!;
    expect(mail.text).not.toContain(NEWS_IN_THANK_YOU);
    expect(mail.text).toContain('For your information only: no note for this one, as it is too soon after your last contact.');
  });

  it('never folds in a story only another subscriber’s feed carried', async () => {
    const sub = await seedSubscriber();
    const company = await seedCompany(sub, `Initech ${randomUUID().slice(0, 6)}`);
    await seedInterview(sub, company);
    // Someone else watches the same company through a feed they added; only that feed carried the story.
    await contractWin(company, { sourceIds: ['feed someone else added'] });
    const mailer = new RecordingMailer();
    expect(await digestFor(deps(mailer), sub, MORNING)).toBe('sent');
    const mail = mailer.to(sub.email)[0]!;
    expect(mail.text).toContain('Send your thank-you note');
    expect(mail.text).not.toContain('rail contract');
    expect(mail.html).not.toContain('rail contract');
    expect(mail.text).not.toContain(NEWS_IN_THANK_YOU);
  });

  it('leaves out a story the subscriber marked not relevant — from the good news and the thank-you — for them alone', async () => {
    const name = `Initech ${randomUUID().slice(0, 6)}`;
    const [marker, other] = [await seedSubscriber(), await seedSubscriber()];
    const markerCompany = await seedCompany(marker, name);
    const otherCompany = await seedCompany(other, name);
    await seedInterview(marker, markerCompany);
    await seedInterview(other, otherCompany);
    // A second, older story the marker keeps: the fold-in moves to it.
    const kept = await contractWin(markerCompany, {
      title: `${name} opens new Lisbon office`,
      normalizedTitle: `${name.toLowerCase()} opens new lisbon office`,
      publishedAt: '2026-11-25T19:00:00.000Z',
      classification: { polarity: 'positive', event: 'expansion', congratulate: true, confidence: 0.9, reasons: ['expansion'] },
    });
    const marked = await contractWin(markerCompany);
    // What the digest's "Not about this company" link records.
    await stack.repos.feedback.record({ subscriberId: marker.id, companyKey: markerCompany.key, storyId: marked.id, verdict: 'not-relevant', at: '2026-11-26T01:00:00Z' });
    expect(kept.id).not.toBe(marked.id);

    const mailer = new RecordingMailer();
    expect(await digestFor(deps(mailer), marker, MORNING)).toBe('sent');
    const mine = mailer.to(marker.email)[0]!;
    expect(mine.text).not.toContain('rail contract');
    expect(mine.html).not.toContain('rail contract');
    expect(thankYouPart(mine.text)).toMatch(/Lisbon office/);

    // The other subscriber, who marked nothing, still has it — folded into their thank-you.
    expect(await digestFor(deps(mailer), other, MORNING)).toBe('sent');
    const theirs = mailer.to(other.email)[0]!;
    expect(thankYouPart(theirs.text)).toMatch(/\$40 million rail contract/);
    expect(theirs.text).toContain('Lisbon office');
  });

  it('writes the good-news note from the subscriber’s copy, summary included, exactly as the alert’s note is written', async () => {
    const sub = await seedSubscriber({ alerts: 'digest' });
    const company = await seedCompany(sub, `Initech ${randomUUID().slice(0, 6)}`);
    const interview = await seedInterview(sub, company, { interviewedAt: '2026-11-10T15:00:00Z' }, [{ type: 'thank-you-sent', at: '2026-11-10T20:00:00Z' }]);
    // The headline names nothing specific; the summary does.
    const story = await contractWin(company, {
      title: `${company.name} wins new contract`,
      normalizedTitle: `${company.name.toLowerCase()} wins new contract`,
      summary: 'The $40 million rail contract with the state of Ohio runs for five years.',
    });
    const mailer = new RecordingMailer();
    expect(await digestFor(deps(mailer), sub, MORNING)).toBe('sent');
    const mail = mailer.to(sub.email)[0]!;
    const expected = writeCongratulations(newsOfStory(story), interview, { variant: noteVariant(story.id, interview.id) });
    expect(expected.body).toContain('$40 million rail contract');
    for (const paragraph of expected.body.split('\n\n')) expect(mail.text).toContain(paragraph);
    expect(mail.text).toContain(`Subject: ${expected.subject}`);
  });

  it('says moved-on once', async () => {
    const sub = await seedSubscriber({ dailyEvenIfEmpty: false });
    const company = await seedCompany(sub);
    const interview = await seedInterview(
      sub,
      company,
      { interviewedAt: '2026-10-01T15:00:00Z', decisionExpectedBy: '2026-10-10' },
      [
        { type: 'thank-you-sent', at: '2026-10-02T14:00:00Z' },
        { type: 'follow-up-sent', at: '2026-10-20T14:00:00Z' },
      ],
    );
    const mailer = new RecordingMailer();
    expect(await digestFor(deps(mailer), sub, MORNING)).toBe('sent');
    expect(mailer.to(sub.email)[0]!.text).toMatch(/time to let this one go/i);
    expect((await stack.repos.interviews.get(sub.id, interview.id))?.movedOnNoticeAt).toBeDefined();
    const tomorrow = new Date(MORNING.getTime() + 86_400_000);
    expect(await digestFor(deps(mailer), (await stack.repos.subscribers.get(sub.id))!, tomorrow)).toBe('nothing-to-say');
  });

  it('sends exactly one digest per subscriber per local day, however many runs and however concurrent', async () => {
    const subs = await Promise.all(Array.from({ length: 4 }, () => seedSubscriber({ dailyEvenIfEmpty: true })));
    for (const sub of subs) await seedInterview(sub, await seedCompany(sub));
    let day = 0;
    await fc.assert(
      fc.asyncProperty(
        // Batches of concurrent runs at minutes spread over the local day (08:00–23:59 New York).
        fc.array(fc.array(fc.integer({ min: 0, max: 16 * 60 - 1 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (batches, replaySchedule) => {
          // A fresh local day for every case: 08:00 EST is 13:00 UTC all December.
          const eight = Date.parse('2026-12-01T13:00:00Z') + day++ * 86_400_000;
          const makeDue = () =>
            Promise.all(subs.map((s) => stack.repos.subscribers.updateSettings(s.id, { nextDigestAt: new Date(eight).toISOString() })));
          await makeDue();
          const mailer = new RecordingMailer();
          for (const batch of batches) {
            // A retried or overlapping scheduler may see everyone as due again.
            if (replaySchedule) await makeDue();
            await Promise.all(batch.map((minutes) => runDigestCycle(deps(mailer), new Date(eight + minutes * 60_000))));
          }
          for (const sub of subs) expect(mailer.to(sub.email)).toHaveLength(1);
        },
      ),
      { numRuns: 12 },
    );
  }, 90_000);
});
