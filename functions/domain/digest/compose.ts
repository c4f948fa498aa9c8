/**
 * The daily digest (DESIGN.md §3), as what it says: what to do today about each open interview,
 * with drafted notes and one-click links; what is coming up; one line for every other open
 * interview; notices (moved on, references); good news from watched companies; and the
 * keep-looking section (R10). The result is an email view (domain/email): the renderers in
 * functions/mail make the plain-text and HTML parts from it, so both always say the same.
 */
import {
  cleanText,
  dateIn,
  formatDay,
  formatWeekday,
  nextKeyDates,
  OUTREACH_ACTIONS,
  type CalendarDate,
  type KeyDate,
} from '../follow-up/index.js';
import { mailtoLink } from '../email/mailto.js';
import type { ActionBlock, EmailBlock, EmailLink, EmailSection, EmailView, GroupBlock, GroupHead, NoticeBlock, StatusListBlock, TimelineStep } from '../email/view.js';
import type { Draft, FollowUpAction } from '../interview.js';
import { goodNewsNoNoteLine, thankYouPlaceOf } from './good-news.js';
import { keepLookingAdvice } from './keep-looking.js';
import { interviewStanding } from './standing.js';
import type { DigestInput, DigestInterview, GoodNewsItem } from './types.js';
import { ACTION_TITLE, CHANNEL_WORDS, GOOD_NEWS_NOTE_LEAD, SENT_EVENT, type OutreachType } from './words.js';

/** Subject-line phrases: "Today: follow up with Acme Robotics". */
const SUBJECT_PHRASE: Record<OutreachType, (company: string) => string> = {
  'send-thank-you': (c) => `send your thank-you note to ${c}`,
  'check-in': (c) => `check in with ${c}`,
  'follow-up': (c) => `follow up with ${c}`,
};

type OutreachAction = FollowUpAction & { type: OutreachType };

interface PreparedAction {
  action: OutreachAction;
  block: ActionBlock;
}

/** One open interview with something to do or know, before it is placed under TODAY or COMING UP. */
interface InterviewBlock {
  company: string;
  head: GroupHead;
  due: PreparedAction[];
  upcoming: PreparedAction[];
  notices: Array<{ type: 'references-not-offer' | 'move-on'; block: NoticeBlock }>;
}

interface PreparedNews {
  company: string;
  hasNote: boolean;
  block: GroupBlock;
}

/** The digest as a view, with what the digest job needs to know about it. */
export interface DigestView {
  email: EmailView;
  /** See ComposedDigest.hasSomethingToSay. */
  hasSomethingToSay: boolean;
  movedOnNoticeFor: string[];
  localDate: CalendarDate;
}

const isOutreach = (a: FollowUpAction): a is OutreachAction => OUTREACH_ACTIONS.has(a.type);

function whenLabel(action: FollowUpAction, today: CalendarDate): ActionBlock['when'] {
  if (action.overdue) return { text: `overdue, was due ${formatDay(action.dueOn)}`, urgency: 'overdue' };
  if (action.dueOn === today) return { text: 'due today', urgency: 'due' };
  if (action.dueOn < today) return { text: `due since ${formatDay(action.dueOn)}`, urgency: 'due' };
  return { text: `on ${formatDay(action.dueOn)}`, urgency: 'later' };
}

const timelineSteps = (keyDates: KeyDate[]): TimelineStep[] =>
  keyDates.map((k) => ({ label: k.label, date: k.date ? formatDay(k.date) : null, state: k.state }));

const link = (label: string, url: string | null, extra: Partial<EmailLink> = {}): EmailLink[] => (url ? [{ label, url, ...extra }] : []);

async function prepareInterviews(input: DigestInput): Promise<{ blocks: InterviewBlock[]; others: StatusListBlock['items']; movedOnNoticeFor: string[] }> {
  const blocks: InterviewBlock[] = [];
  const others: StatusListBlock['items'] = [];
  const movedOnNoticeFor: string[] = [];
  for (const { interview, plan } of input.interviews) {
    if (plan.status === 'closed') continue;
    const today = dateIn(input.now, interview.timeZone);
    const company = cleanText(interview.company, 120);
    const role = cleanText(interview.role, 120);
    const interviewer = cleanText(interview.interviewer.name, 120);
    const replied = () => input.links.interviewEvent(interview.id, 'heard-back');
    const prepare = async (action: OutreachAction, withDraft: boolean): Promise<PreparedAction> => {
      const to = action.channel === 'email' ? interview.interviewer.email : undefined;
      const draft = withDraft && action.draft ? action.draft : undefined;
      return {
        action,
        block: {
          kind: 'action',
          title: ACTION_TITLE[action.type],
          when: whenLabel(action, today),
          channel: CHANNEL_WORDS[action.channel],
          why: action.why,
          ...(draft ? { draft: { kind: 'draft', ...(to ? { to } : {}), subject: draft.subject, body: draft.body } } : {}),
          links: [
            ...link('Open in your mail app', draft && to ? mailtoLink(to, draft) : null, { primary: true, htmlOnly: true }),
            ...link('I sent it', await input.links.interviewEvent(interview.id, SENT_EVENT[action.type])),
            ...link('They replied', await replied()),
            ...link('Add to calendar', await input.links.calendar(interview.id, action)),
          ],
        },
      };
    };
    const due: PreparedAction[] = [];
    const upcoming: PreparedAction[] = [];
    const notices: InterviewBlock['notices'] = [];
    for (const action of plan.actions) {
      if (isOutreach(action)) {
        if (action.dueOn <= today) due.push(await prepare(action, true));
        else upcoming.push(await prepare(action, false));
      } else if (action.type === 'references-not-offer') {
        notices.push({ type: action.type, block: { kind: 'notice', title: ACTION_TITLE[action.type], text: action.why, links: [] } });
      } else if (action.type === 'move-on' && !interview.movedOnNoticeAt) {
        const links = link('They got back in touch after all', await replied());
        notices.push({ type: action.type, block: { kind: 'notice', title: ACTION_TITLE[action.type], text: action.why, links } });
        movedOnNoticeFor.push(interview.id);
      }
    }
    if (due.length || upcoming.length || notices.length) {
      const timeline = timelineSteps(nextKeyDates(interview, input.now));
      blocks.push({ company, head: { kind: 'interview', title: company, details: [role, interviewer], timeline }, due, upcoming, notices });
    } else if (plan.status === 'open') {
      // Nothing to do or know this week: one line says where it stands (and that no-contact is in hand).
      others.push({ title: company, details: [role], text: interviewStanding(interview, input.now) });
    }
  }
  // Most pressing first: overdue, due today, notices, then what is only coming up.
  const rank = (b: InterviewBlock) => (b.due.some((p) => p.action.overdue) ? 0 : b.due.length ? 1 : b.notices.length ? 2 : 3);
  blocks.sort((x, y) => rank(x) - rank(y) || x.company.localeCompare(y.company));
  others.sort((x, y) => x.title.localeCompare(y.title));
  return { blocks, others, movedOnNoticeFor };
}

async function prepareNews(input: DigestInput): Promise<PreparedNews[]> {
  const byId = new Map(input.interviews.map((e) => [e.interview.id, e]));
  const prepared: PreparedNews[] = [];
  for (const item of input.goodNews) {
    // Only an open interview that allows contact may get a congratulations note (R6, R8).
    const eligible = item.interviewIds
      .map((id) => byId.get(id))
      .filter((e): e is DigestInterview => !!e && e.plan.status === 'open' && e.interview.contactPolicy !== 'no-contact');
    const target = eligible.find((e) => e.interview.interviewer.email) ?? eligible[0];
    const canCongratulate = item.congratulate && !item.forInformationOnly && !item.noteAlreadySentAt && !!item.note && !!target;
    const note: Draft | null = canCongratulate ? item.note! : null;
    const informationOnly = item.forInformationOnly || !!item.noteAlreadySentAt || (item.congratulate && !canCongratulate);
    // The composer's own R6 check may be the reason when the gatherer gave none.
    const noContact = item.interviewIds.some((id) => byId.get(id)?.interview.contactPolicy === 'no-contact');
    const reasoned: GoodNewsItem = item.noNoteReason || !noContact ? item : { ...item, noNoteReason: 'no-contact' };
    const company = cleanText(item.companyName, 120);
    const to = (note && target?.interview.interviewer.email) || undefined;
    const blocks: EmailBlock[] = [];
    if (informationOnly) {
      const line = goodNewsNoNoteLine(reasoned, input.settings.timeZone, thankYouPlaceOf(item, input.interviews, input.now));
      blocks.push({ kind: 'paragraph', tone: 'fine', text: line });
    }
    if (note && target) {
      blocks.push(
        { kind: 'paragraph', tone: 'quiet', text: `${GOOD_NEWS_NOTE_LEAD}:` },
        { kind: 'draft', ...(to ? { to } : {}), subject: note.subject, body: note.body },
        {
          kind: 'links',
          links: [
            ...link('Open in your mail app', to ? mailtoLink(to, note) : null, { primary: true, htmlOnly: true }),
            ...link('I sent it', await input.links.interviewEvent(target.interview.id, 'congrats-sent')),
          ],
        },
      );
    }
    blocks.push({
      kind: 'links',
      style: 'quiet',
      links: [
        ...link(`Stop watching ${company}`, await input.links.stopWatching(item.companyId)),
        ...link('Not about this company', input.links.notRelevant ? await input.links.notRelevant(item.companyId, item.storyId) : null),
      ],
    });
    prepared.push({
      company,
      hasNote: !!note,
      block: {
        kind: 'group',
        head: { kind: 'headline', source: company, title: cleanText(item.title, 300), url: item.link, publisher: item.publisher ? cleanText(item.publisher, 80) : null },
        blocks,
      },
    });
  }
  return prepared;
}

const group = (b: InterviewBlock, blocks: EmailBlock[]): GroupBlock => ({ kind: 'group', head: b.head, blocks });

const shortCompany = (name: string) => cleanText(name, 40);

/** The subject says what is due today; failing that, the most useful thing the digest holds. */
function digestSubject(blocks: InterviewBlock[], news: PreparedNews[]): string {
  const due = blocks.flatMap((b) => b.due.map((p) => ({ p, company: b.company }))).sort((x, y) => Number(y.p.action.overdue) - Number(x.p.action.overdue));
  if (due.length) {
    const phrases = due.map((d) => SUBJECT_PHRASE[d.p.action.type](shortCompany(d.company)));
    const lead = due.every((d) => d.p.action.overdue) ? 'Overdue' : 'Today';
    if (phrases.length === 1) return `${lead}: ${phrases[0]}`;
    if (phrases.length === 2) return `${lead}: ${phrases[0]} and ${phrases[1]}`;
    return `${lead}: ${phrases[0]}, and ${phrases.length - 1} more things to do`;
  }
  const notice = (type: 'references-not-offer' | 'move-on') => blocks.find((b) => b.notices.some((n) => n.type === type));
  const references = notice('references-not-offer');
  if (references) return `${shortCompany(references.company)} asked for references: a good sign, not yet an offer`;
  const movedOn = notice('move-on');
  if (movedOn) return `About ${shortCompany(movedOn.company)}: time to put your energy elsewhere`;
  if (news.length) {
    const companies = [...new Set(news.map((n) => shortCompany(n.company)))];
    return `Good news from ${companies[0]}${companies.length > 1 ? ` and ${companies.length - 1} more` : ''}`;
  }
  const next = blocks.flatMap((b) => b.upcoming.map((p) => ({ p, company: b.company }))).sort((x, y) => (x.p.action.dueOn < y.p.action.dueOn ? -1 : 1))[0];
  if (next) return `Nothing due today. Next: ${SUBJECT_PHRASE[next.p.action.type](shortCompany(next.company))} on ${formatDay(next.p.action.dueOn)}`;
  return 'Nothing due today: your afterview digest';
}

/**
 * The digest of one subscriber from plain data (see {@link DigestInput}). Pure apart from the link
 * functions it is handed; says whether there is anything to say, and which moved-on notices it gives.
 */
export async function digestView(input: DigestInput): Promise<DigestView> {
  const localDate = dateIn(input.now, input.settings.timeZone);
  const { blocks, others, movedOnNoticeFor } = await prepareInterviews(input);
  const news = await prepareNews(input);
  const unsubscribe = await input.links.unsubscribe();
  const settings = input.links.settings ? await input.links.settings() : null;
  const advice = keepLookingAdvice(input.keepLooking);

  const todayBlocks = blocks.filter((b) => b.due.length || b.notices.length);
  const comingBlocks = blocks.filter((b) => b.upcoming.length && !b.due.length && !b.notices.length);
  const hasSomethingToSay = todayBlocks.length > 0 || news.length > 0;
  const subject = digestSubject(blocks, news);

  const sections: EmailSection[] = [];
  if (!hasSomethingToSay) sections.push({ blocks: [{ kind: 'paragraph', text: 'Nothing needs doing today.' }] });
  if (todayBlocks.length) {
    sections.push({
      heading: 'Today',
      blocks: todayBlocks.map((b) => group(b, [...b.due.map((p) => p.block), ...b.notices.map((n) => n.block), ...b.upcoming.map((p) => p.block)])),
    });
  }
  if (comingBlocks.length) sections.push({ heading: 'Coming up', blocks: comingBlocks.map((b) => group(b, b.upcoming.map((p) => p.block))) });
  if (others.length) sections.push({ heading: 'Other open interviews', blocks: [{ kind: 'status-list', items: others }] });
  if (news.length) sections.push({ heading: 'Good news', blocks: news.map((n) => n.block) });
  sections.push({
    heading: 'Keep looking',
    blocks: [{ kind: 'paragraph', text: advice.facts.join(' ') }, ...(advice.nudge ? [{ kind: 'callout' as const, text: advice.nudge }] : [])],
  });

  return {
    email: {
      subject,
      preview: subject,
      title: { lead: 'Your afterview digest for', text: formatWeekday(localDate) },
      sections,
      footer: {
        text: 'You get this because you subscribed to afterview.',
        links: [...link('Unsubscribe', unsubscribe), ...link('Settings', settings)],
      },
    },
    hasSomethingToSay,
    movedOnNoticeFor,
    localDate,
  };
}
