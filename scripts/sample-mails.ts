/**
 * Every kind of email afterview sends — a full digest, a quiet digest, a congratulations alert
 * (and one offering the thank-you with the news folded in), the confirmation and sign-in mails — rendered from fixed sample data: what `npm run
 * preview:mail` writes out for people to look at, and what the layout test measures in a browser.
 * The sample interviews cover every stage the rules know, the longest timeline included.
 */
import { confirmationEmail, signInEmail } from '../functions/app/account/account-mail.js';
import { composeAlertEmail } from '../functions/app/alerts/alert-email.js';
import { composeDigest } from '../functions/app/digest/digest-email.js';
import type { DigestLinks, GoodNewsItem } from '../functions/domain/digest/index.js';
import { planFollowUps } from '../functions/domain/follow-up/index.js';
import { Interview, type InterviewInput, type StoredInterview } from '../functions/domain/interview.js';

const BASE = 'http://127.0.0.1:3000';
// 08:00 in New York, Monday 7 December 2026.
const NOW = new Date('2026-12-07T13:00:00Z');
const ZONE = 'America/New_York';

function stored(id: string, fields: InterviewInput): StoredInterview {
  const interview = Interview.parse({ timeZone: ZONE, ...fields });
  return { ...interview, id, subscriberId: 'preview', companyId: `company-${id}`, createdAt: '2026-11-30T20:00:00Z', updatedAt: '2026-11-30T20:00:00Z' };
}

/** One interview at each stage the rules know. */
const INTERVIEWS: StoredInterview[] = [
  stored('thanks', {
    company: 'Northwind Robotics',
    role: 'Robotics Software Engineer',
    interviewer: { name: 'Priya Shah', email: 'priya.shah@northwind.example' },
    interviewedAt: '2026-12-06T19:00:00Z',
    format: 'in-person',
    decisionExpectedBy: '2026-12-17',
  }),
  stored('follow', {
    company: 'Copperleaf Health',
    role: 'Product Manager',
    interviewer: { name: 'Alex Chen', email: 'alex.chen@copperleaf.example' },
    interviewedAt: '2026-11-17T20:00:00Z',
    format: 'in-person',
    decisionExpectedBy: '2026-12-02',
    events: [{ type: 'thank-you-sent', at: '2026-11-18T15:00:00Z' }],
  }),
  stored('refs', {
    company: 'Quillstone Software',
    role: 'Backend Developer',
    interviewer: { name: 'Jordan Blake', email: 'jordan.blake@quillstone.example' },
    interviewedAt: '2026-11-25T14:00:00Z',
    format: 'video',
    decisionExpectedBy: '2026-12-13',
    events: [
      { type: 'thank-you-sent', at: '2026-11-26T15:00:00Z' },
      { type: 'references-requested', at: '2026-12-05T15:00:00Z' },
    ],
  }),
  stored('waiting', {
    company: 'Bluefin Analytics',
    role: 'Data Analyst',
    interviewer: { name: 'Marco Ruiz', email: 'marco.ruiz@bluefin.example' },
    interviewedAt: '2026-11-29T15:00:00Z',
    format: 'video',
    decisionExpectedBy: '2026-12-21',
    events: [
      { type: 'thank-you-sent', at: '2026-11-30T15:00:00Z' },
      { type: 'check-in-sent', at: '2026-12-06T15:00:00Z' },
    ],
  }),
  stored('followed', {
    company: 'Globex',
    role: 'Data Engineer',
    interviewer: { name: 'Hank Scorpio', email: 'hank@globex.example' },
    interviewedAt: '2026-11-10T15:00:00Z',
    decisionExpectedBy: '2026-11-25',
    events: [
      { type: 'thank-you-sent', at: '2026-11-11T15:00:00Z' },
      { type: 'follow-up-sent', at: '2026-12-03T15:00:00Z' },
    ],
  }),
  stored('soon', {
    company: 'Larkspur Energy',
    role: 'Analyst',
    interviewer: { name: 'Kim Novak' },
    interviewedAt: '2026-11-27T15:00:00Z',
    format: 'phone',
    decisionExpectedBy: '2026-12-08',
    lastEmployerChannel: 'phone',
    events: [{ type: 'thank-you-sent', at: '2026-11-28T15:00:00Z' }],
  }),
  stored('quiet', {
    company: 'Harbor & Pine Logistics',
    role: 'Operations Analyst',
    interviewer: { name: 'Sam Okafor' },
    interviewedAt: '2026-12-02T16:00:00Z',
    format: 'phone',
    decisionExpectedBy: '2026-12-16',
    contactPolicy: 'no-contact',
    lastEmployerChannel: 'phone',
  }),
  // The longest timeline the rules draw: interview, thank-you, reply, check-in, decision, follow-up, move on.
  stored('long', {
    company: 'Vandelay Industries',
    role: 'Supply Chain Analyst',
    interviewer: { name: 'Art Vandelay', email: 'art@vandelay.example' },
    interviewedAt: '2026-11-02T15:00:00Z',
    format: 'video',
    decisionExpectedBy: '2026-11-20',
    events: [
      { type: 'thank-you-sent', at: '2026-11-03T15:00:00Z' },
      { type: 'heard-back', at: '2026-11-06T15:00:00Z', decisionExpectedBy: '2026-11-27' },
      { type: 'check-in-sent', at: '2026-11-13T15:00:00Z' },
      { type: 'follow-up-sent', at: '2026-11-30T15:00:00Z' },
    ],
  }),
  stored('gone', {
    company: 'Initech',
    role: 'BI Developer',
    interviewer: { name: 'Bill Lumbergh', email: 'bill@initech.example' },
    interviewedAt: '2026-11-02T15:00:00Z',
    decisionExpectedBy: '2026-11-16',
    events: [
      { type: 'thank-you-sent', at: '2026-11-03T14:00:00Z' },
      { type: 'follow-up-sent', at: '2026-11-26T14:00:00Z' },
    ],
  }),
];

const GOOD_NEWS: GoodNewsItem[] = [
  {
    companyId: 'company-waiting',
    companyName: 'Bluefin Analytics',
    storyId: 'story-lisbon',
    title: 'Bluefin Analytics to open Lisbon office and hire 200 engineers',
    publisher: 'Lisbon Tech Daily',
    link: 'https://news.afterview.example/articles/bluefin-lisbon',
    publishedAt: '2026-12-06T15:00:00Z',
    event: 'expansion',
    congratulate: true,
    interviewIds: ['waiting'],
    forInformationOnly: false,
    note: {
      subject: 'Congratulations on the new Lisbon office',
      body: 'Hi Marco,\n\nI just read that Bluefin is opening an office in Lisbon and hiring 200 engineers. Congratulations to you and the team: that is exciting news, and it makes me even more keen on the Data Analyst role.\n\nBest regards,',
    },
  },
  {
    companyId: 'company-quiet',
    companyName: 'Harbor & Pine Logistics',
    storyId: 'story-award',
    title: 'Harbor & Pine wins regional logistics award',
    publisher: 'Freight Weekly',
    link: 'https://news.afterview.example/articles/harbor-award',
    publishedAt: '2026-12-06T09:00:00Z',
    event: 'award',
    congratulate: true,
    interviewIds: ['quiet'],
    forInformationOnly: true,
    noNoteReason: 'no-contact',
  },
];

const links: DigestLinks = {
  interviewEvent: (id, event) => `${BASE}/v1/actions?token=${id}.${event}`,
  stopWatching: (companyId) => `${BASE}/v1/actions?token=stop.${companyId}`,
  notRelevant: (companyId, storyId) => `${BASE}/v1/actions?token=nr.${companyId}.${storyId}`,
  unsubscribe: () => `${BASE}/v1/unsubscribe?token=unsubscribe`,
  settings: () => `${BASE}/settings`,
  calendar: (id, action) => `${BASE}/v1/calendar?token=${id}.${action.type}.${action.dueOn}`,
};

export interface RenderedMail {
  name: string;
  subject: string;
  text: string;
  html: string;
}

export async function renderSampleMails(): Promise<RenderedMail[]> {
  const plans = INTERVIEWS.map((interview) => ({ interview, plan: planFollowUps(interview, NOW) }));
  const digest = await composeDigest({
    settings: { timeZone: ZONE },
    now: NOW,
    interviews: plans,
    goodNews: GOOD_NEWS,
    keepLooking: { openInterviews: plans.filter((p) => p.plan.status === 'open').length, daysSinceLastInterviewLogged: 7 },
    links,
  });
  const quietOnes = INTERVIEWS.filter((i) => i.id === 'waiting' || i.id === 'quiet');
  const quiet = await composeDigest({
    settings: { timeZone: ZONE },
    now: NOW,
    interviews: quietOnes.map((interview) => ({ interview, plan: planFollowUps(interview, NOW) })),
    goodNews: [],
    keepLooking: { openInterviews: 2, daysSinceLastInterviewLogged: 2 },
    links,
  });
  const bluefin = INTERVIEWS.find((i) => i.id === 'waiting')!;
  const alert = composeAlertEmail({
    to: 'you@example.com',
    companyName: 'Bluefin Analytics',
    story: {
      title: GOOD_NEWS[0]!.title,
      link: GOOD_NEWS[0]!.link,
      publisher: GOOD_NEWS[0]!.publisher,
      publishedAt: GOOD_NEWS[0]!.publishedAt,
      summary: 'The data company said its new Lisbon office will open in the spring and grow to 200 engineers over two years.',
      classification: { polarity: 'positive', event: 'expansion', congratulate: true, confidence: 0.9, reasons: [] },
    },
    notes: [{ interview: bluefin, draft: GOOD_NEWS[0]!.note!, sentUrl: `${BASE}/v1/actions?token=waiting.congrats-sent` }],
    notRelevantUrl: `${BASE}/v1/actions?token=not-relevant`,
    stopWatchingUrl: `${BASE}/v1/actions?token=stop-watching`,
    unsubscribeUrl: `${BASE}/v1/unsubscribe?token=unsubscribe`,
    timeZone: ZONE,
  });
  // Good news while the thank-you is still due: the alert offers the thank-you with the news folded in.
  const northwind = INTERVIEWS.find((i) => i.id === 'thanks')!;
  const contract = {
    title: 'Northwind Robotics wins $40 million warehouse automation contract with Contoso',
    link: 'https://news.example/northwind-contoso',
    publisher: 'Reuters',
    publishedAt: '2026-12-06T22:00:00Z',
    summary: null,
    classification: { polarity: 'positive' as const, event: 'contract-win', congratulate: true, confidence: 0.9, reasons: [] },
  };
  const thankYou = planFollowUps(northwind, NOW, { news: { title: contract.title, event: 'contract-win' } }).actions.find((a) => a.type === 'send-thank-you')!;
  const alertThankYou = composeAlertEmail({
    to: 'you@example.com',
    companyName: 'Northwind Robotics',
    story: contract,
    notes: [{ kind: 'thank-you', interview: northwind, draft: thankYou.draft!, why: thankYou.why, newsFolded: true, sentUrl: `${BASE}/v1/actions?token=thanks.thank-you-sent` }],
    notRelevantUrl: `${BASE}/v1/actions?token=not-relevant`,
    stopWatchingUrl: `${BASE}/v1/actions?token=stop-watching`,
    unsubscribeUrl: `${BASE}/v1/unsubscribe?token=unsubscribe`,
    timeZone: ZONE,
  });
  const accountLinks = { web: `${BASE}/subscribe/confirm?token=web`, api: `${BASE}/v1/subscriptions/confirm?token=api` };
  const confirmation = confirmationEmail('you@example.com', accountLinks, 48);
  const signIn = signInEmail('you@example.com', accountLinks, 60, true);
  return [
    { name: 'digest', ...digest },
    { name: 'digest-quiet', ...quiet },
    { name: 'alert', ...alert },
    { name: 'alert-thank-you', ...alertThankYou },
    { name: 'confirmation', ...confirmation },
    { name: 'sign-in', ...signIn },
  ];
}
