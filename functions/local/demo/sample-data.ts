/**
 * The demo's people, companies, interviews and news — all invented for afterview (the companies
 * are fictional, every address is under the reserved .example domain). Interviews are placed
 * relative to "now" so each one sits at a different stage of the follow-up rules whenever the
 * demo runs; news is dated relative to when the feed server started, so it is always fresh.
 */
import type { Channel, InterviewEventType, InterviewFormat } from '../../domain/interview.js';

export const DEMO_EMAIL = 'demo@afterview.example';

export interface DemoInterview {
  company: string;
  role: string;
  interviewer: { name: string; email?: string };
  /** Whole days before today (local), and the local hour of the interview. */
  daysAgo: number;
  hour: number;
  format: InterviewFormat;
  /** Days from today (negative = past) of the decision date they gave; null = none given. */
  decisionInDays: number | null;
  contactPolicy: 'ok' | 'no-contact';
  lastEmployerChannel: Channel;
  events: Array<{ type: InterviewEventType; daysAgo: number }>;
  /** What the demo shows with it (printed, and a reminder for whoever edits this file). */
  stage: string;
}

export interface DemoCompany {
  name: string;
  aliases: string[];
  exclude: string[];
}

export const DEMO_COMPANIES: DemoCompany[] = [
  { name: 'Bluefin Analytics', aliases: ['Bluefin'], exclude: ['tuna', 'fishing'] },
  { name: 'Northwind Robotics', aliases: [], exclude: [] },
  { name: 'Copperleaf Health', aliases: [], exclude: [] },
  { name: 'Harbor & Pine Logistics', aliases: ['Harbor & Pine'], exclude: [] },
  { name: 'Quillstone Software', aliases: ['Quillstone'], exclude: [] },
];

export const DEMO_INTERVIEWS: DemoInterview[] = [
  {
    company: 'Northwind Robotics',
    role: 'Robotics Software Engineer',
    interviewer: { name: 'Priya Shah', email: 'priya.shah@northwind.example' },
    daysAgo: 1,
    hour: 14,
    format: 'in-person',
    decisionInDays: 10,
    contactPolicy: 'ok',
    lastEmployerChannel: 'email',
    events: [],
    stage: 'thank-you note due today — with its award news folded in, rather than a separate note',
  },
  {
    company: 'Bluefin Analytics',
    role: 'Data Analyst',
    interviewer: { name: 'Marco Ruiz', email: 'marco.ruiz@bluefin.example' },
    daysAgo: 8,
    hour: 10,
    format: 'video',
    decisionInDays: 7,
    contactPolicy: 'ok',
    lastEmployerChannel: 'email',
    events: [{ type: 'thank-you-sent', daysAgo: 7 }],
    stage: 'waiting for their decision — and good news worth a congratulations note',
  },
  {
    company: 'Copperleaf Health',
    role: 'Product Manager',
    interviewer: { name: 'Alex Chen', email: 'alex.chen@copperleaf.example' },
    daysAgo: 20,
    hour: 15,
    format: 'in-person',
    decisionInDays: -5,
    contactPolicy: 'ok',
    lastEmployerChannel: 'email',
    events: [{ type: 'thank-you-sent', daysAgo: 19 }],
    stage: 'their decision date passed: one follow-up is due',
  },
  {
    company: 'Harbor & Pine Logistics',
    role: 'Operations Analyst',
    interviewer: { name: 'Sam Okafor' },
    daysAgo: 5,
    hour: 11,
    format: 'phone',
    decisionInDays: 14,
    contactPolicy: 'no-contact',
    lastEmployerChannel: 'phone',
    events: [],
    stage: 'they asked for no contact: afterview suggests nothing',
  },
  {
    company: 'Quillstone Software',
    role: 'Backend Developer',
    interviewer: { name: 'Jordan Blake', email: 'jordan.blake@quillstone.example' },
    daysAgo: 12,
    hour: 9,
    format: 'video',
    decisionInDays: 6,
    contactPolicy: 'ok',
    lastEmployerChannel: 'email',
    events: [
      { type: 'thank-you-sent', daysAgo: 11 },
      { type: 'references-requested', daysAgo: 2 },
    ],
    stage: 'references requested: a good sign, not an offer',
  },
];

export interface DemoStory {
  /** Headline as the outlet wrote it (the feed adds " - Publisher"). */
  title: string;
  publisher: string;
  publisherSite: string;
  /** Hours before the feed server started. */
  hoursAgo: number;
  summary: string;
  /** Stable id: copies of one story share the slug but not the outlet. */
  slug: string;
  /** Why it is in the demo — never shown to users. */
  note: string;
}

/** News per company (by name). Copies of one story from several outlets test the dedupe. */
export const DEMO_NEWS: Record<string, DemoStory[]> = {
  'Bluefin Analytics': [
    {
      title: 'Bluefin Analytics to open Lisbon office and hire 200 engineers',
      publisher: 'Lisbon Tech Daily',
      publisherSite: 'https://lisbon-tech.example',
      hoursAgo: 6,
      summary: 'The data company said its new Lisbon office will open in the spring and grow to 200 engineers over two years.',
      slug: 'bluefin-lisbon',
      note: 'good news (expansion): the congratulations alert',
    },
    {
      title: 'Bluefin Analytics to open Lisbon office, hire 200 engineers',
      publisher: 'Iberia Business Wire',
      publisherSite: 'https://iberia-wire.example',
      hoursAgo: 5,
      summary: 'Bluefin Analytics will open an office in Lisbon and hire 200 engineers.',
      slug: 'bluefin-lisbon',
      note: 'syndicated copy: same story, must not alert twice',
    },
    {
      title: 'Bluefin Analytics to open Lisbon office and hire 200 engineers',
      publisher: 'The Data Ledger',
      publisherSite: 'https://data-ledger.example',
      hoursAgo: 4,
      summary: 'Bluefin Analytics announced a new office in Lisbon.',
      slug: 'bluefin-lisbon',
      note: 'syndicated copy',
    },
    {
      title: 'Record bluefin tuna catch reported off the Azores',
      publisher: 'Ocean Report',
      publisherSite: 'https://ocean-report.example',
      hoursAgo: 20,
      summary: 'Fishing crews reported a record bluefin tuna season.',
      slug: 'bluefin-tuna',
      note: 'trap: not the company (excluded by "tuna")',
    },
  ],
  'Northwind Robotics': [
    {
      title: 'Northwind Robotics wins 2026 Industrial Design Award',
      publisher: 'Robotics Weekly',
      publisherSite: 'https://robotics-weekly.example',
      hoursAgo: 10,
      summary: 'Northwind Robotics took the top prize for its warehouse picking arm.',
      slug: 'northwind-award',
      note: 'good news while the thank-you is due: the alert offers the thank-you with one line about it (R8 with R1)',
    },
    {
      title: 'Northwind Robotics denies report of factory closure',
      publisher: 'Midwest Business Journal',
      publisherSite: 'https://midwest-business.example',
      hoursAgo: 30,
      summary: 'The company said its Dayton plant will stay open.',
      slug: 'northwind-denial',
      note: 'trap: denial and rumour — never congratulate',
    },
  ],
  'Copperleaf Health': [
    {
      title: 'Copperleaf Health to cut 120 jobs as clinic network shrinks',
      publisher: 'Health Business News',
      publisherSite: 'https://health-business.example',
      hoursAgo: 14,
      summary: 'Copperleaf Health will close four clinics and cut 120 jobs.',
      slug: 'copperleaf-layoffs',
      note: 'bad news (layoffs)',
    },
    {
      title: 'Copperleaf Health wins lawsuit over billing patent',
      publisher: 'Law & Markets',
      publisherSite: 'https://law-markets.example',
      hoursAgo: 28,
      summary: 'A court ruled for Copperleaf Health in a patent dispute.',
      slug: 'copperleaf-lawsuit',
      note: 'trap: "wins lawsuit" is not good news to congratulate on',
    },
  ],
  'Harbor & Pine Logistics': [
    {
      title: 'Harbor & Pine Logistics acquired by Atlas Freight',
      publisher: 'Freight Times',
      publisherSite: 'https://freight-times.example',
      hoursAgo: 8,
      summary: 'Atlas Freight agreed to buy Harbor & Pine Logistics.',
      slug: 'harbor-pine-acquired',
      note: 'trap: being acquired — and they asked for no contact anyway',
    },
  ],
  'Quillstone Software': [
    {
      title: 'Quillstone Software in talks to raise Series B',
      publisher: 'Startup Ledger',
      publisherSite: 'https://startup-ledger.example',
      hoursAgo: 16,
      summary: 'People familiar with the matter say Quillstone Software is in talks with investors.',
      slug: 'quillstone-talks',
      note: 'trap: rumour ("in talks")',
    },
    {
      title: 'Quillstone Software shares slip 4% after earnings',
      publisher: 'Market Minute',
      publisherSite: 'https://market-minute.example',
      hoursAgo: 26,
      summary: 'Shares fell after the quarterly results.',
      slug: 'quillstone-shares',
      note: 'trap: a stock move is not news to congratulate on',
    },
  ],
};
