/**
 * The daily digest (DESIGN.md §3): what to do today about each open interview, with drafted notes and
 * one-click links; what is coming up; notices (moved on, references); good news from watched
 * companies; and the keep-looking section (R10). Plain text and HTML say the same thing.
 */
import {
  cleanText,
  dateIn,
  formatDay,
  formatWeekday,
  nextKeyDates,
  OUTREACH_ACTIONS,
  TIMELINE_MARKS,
  type CalendarDate,
  type KeyDate,
} from '../follow-up/index.js';
import type { Channel, Draft, FollowUpAction } from '../interview.js';
import { goodNewsNoNoteLine } from './good-news.js';
import { button, COLORS, escapeHtml, escapeLines, heading, link, page, row, safeHref } from './html.js';
import { keepLookingAdvice } from './keep-looking.js';
import { mailtoLink } from './mailto.js';
import type { ComposedDigest, DigestEventLink, DigestInput, DigestInterview, GoodNewsItem } from './types.js';

type OutreachType = 'send-thank-you' | 'check-in' | 'follow-up';

const SENT_EVENT: Record<OutreachType, DigestEventLink> = {
  'send-thank-you': 'thank-you-sent',
  'check-in': 'check-in-sent',
  'follow-up': 'follow-up-sent',
};

const TITLE: Record<OutreachType, string> = {
  'send-thank-you': 'Send your thank-you note',
  'check-in': 'Optional: a light check-in',
  'follow-up': 'Follow up, once',
};

/** Subject-line phrases: "Today: follow up with Acme Robotics". */
const SUBJECT_PHRASE: Record<OutreachType, (company: string) => string> = {
  'send-thank-you': (c) => `send your thank-you note to ${c}`,
  'check-in': (c) => `check in with ${c}`,
  'follow-up': (c) => `follow up with ${c}`,
};

const CHANNEL_LABEL: Record<Channel, string> = {
  email: 'by email',
  phone: 'by phone',
  letter: 'by letter',
  'in-person': 'in person or by note',
  linkedin: 'on LinkedIn',
  video: 'by message',
};

const MARK_COLOR: Record<KeyDate['state'], string> = {
  done: COLORS.done,
  due: COLORS.due,
  overdue: COLORS.overdue,
  upcoming: COLORS.muted,
  passed: COLORS.muted,
  unknown: COLORS.faint,
};

/** The shared marks; an email names only the states a reader acts on (not "coming up" or "no date"). */
const MARK: Record<KeyDate['state'], { symbol: string; color: string; text: string }> = Object.fromEntries(
  Object.entries(TIMELINE_MARKS).map(([state, mark]) => [
    state,
    { symbol: mark.symbol, color: MARK_COLOR[state as KeyDate['state']], text: state === 'upcoming' || state === 'unknown' ? '' : mark.word },
  ]),
) as Record<KeyDate['state'], { symbol: string; color: string; text: string }>;

interface ActionLinks {
  mailto: string | null;
  sent: string;
  replied: string;
  calendar: string | null;
}

interface PreparedAction {
  action: FollowUpAction & { type: OutreachType };
  links: ActionLinks;
}

interface InterviewBlock {
  entry: DigestInterview;
  company: string;
  role: string;
  interviewer: string;
  today: CalendarDate;
  due: PreparedAction[];
  upcoming: PreparedAction[];
  references?: FollowUpAction;
  moveOn?: { action: FollowUpAction; replied: string };
  keyDates: KeyDate[];
}

interface PreparedNews {
  item: GoodNewsItem;
  company: string;
  /** The note to offer, when a congratulations is appropriate for at least one open interview. */
  note: Draft | null;
  mailto: string | null;
  /** The interviewer the note would go to, when their address is known. */
  to: string | null;
  sent: string | null;
  /** Instead of a note: where the note went (an alert) or why there is none. */
  noNoteLine: string | null;
  stopWatching: string;
  notRelevant: string | null;
}

const isOutreach = (a: FollowUpAction): a is FollowUpAction & { type: OutreachType } => OUTREACH_ACTIONS.has(a.type);

function whenLabel(action: FollowUpAction, today: CalendarDate): string {
  if (action.overdue) return `overdue, was due ${formatDay(action.dueOn)}`;
  if (action.dueOn === today) return 'due today';
  if (action.dueOn < today) return `due since ${formatDay(action.dueOn)}`;
  return `on ${formatDay(action.dueOn)}`;
}

async function prepareBlocks(input: DigestInput): Promise<{ blocks: InterviewBlock[]; movedOnNoticeFor: string[] }> {
  const blocks: InterviewBlock[] = [];
  const movedOnNoticeFor: string[] = [];
  for (const entry of input.interviews) {
    const { interview, plan } = entry;
    if (plan.status === 'closed') continue;
    const today = dateIn(input.now, interview.timeZone);
    const prepare = async (action: FollowUpAction & { type: OutreachType }): Promise<PreparedAction> => ({
      action,
      links: {
        mailto: action.channel === 'email' && interview.interviewer.email && action.draft ? mailtoLink(interview.interviewer.email, action.draft) : null,
        sent: await input.links.interviewEvent(interview.id, SENT_EVENT[action.type]),
        replied: await input.links.interviewEvent(interview.id, 'heard-back'),
        calendar: await input.links.calendar(interview.id, action),
      },
    });
    const block: InterviewBlock = {
      entry,
      company: cleanText(interview.company, 120),
      role: cleanText(interview.role, 120),
      interviewer: cleanText(interview.interviewer.name, 120),
      today,
      due: [],
      upcoming: [],
      keyDates: nextKeyDates(interview, input.now),
    };
    for (const action of plan.actions) {
      if (isOutreach(action)) (action.dueOn <= today ? block.due : block.upcoming).push(await prepare(action));
      else if (action.type === 'references-not-offer') block.references = action;
      else if (action.type === 'move-on' && !interview.movedOnNoticeAt) {
        block.moveOn = { action, replied: await input.links.interviewEvent(interview.id, 'heard-back') };
        movedOnNoticeFor.push(interview.id);
      }
    }
    if (block.due.length || block.upcoming.length || block.references || block.moveOn) blocks.push(block);
  }
  // Most pressing first: overdue, due today, notices, then what is only coming up.
  const rank = (b: InterviewBlock) =>
    b.due.some((p) => p.action.overdue) ? 0 : b.due.length ? 1 : b.references || b.moveOn ? 2 : 3;
  blocks.sort((x, y) => rank(x) - rank(y) || x.company.localeCompare(y.company));
  return { blocks, movedOnNoticeFor };
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
    const note = canCongratulate ? item.note! : null;
    const informationOnly = item.forInformationOnly || !!item.noteAlreadySentAt || (item.congratulate && !canCongratulate);
    // The composer's own R6 check may be the reason when the gatherer gave none.
    const noContact = item.interviewIds.some((id) => byId.get(id)?.interview.contactPolicy === 'no-contact');
    const reasoned = item.noNoteReason || !noContact ? item : { ...item, noNoteReason: 'no-contact' as const };
    prepared.push({
      item,
      company: cleanText(item.companyName, 120),
      note,
      mailto: note && target?.interview.interviewer.email ? mailtoLink(target.interview.interviewer.email, note) : null,
      to: (note && target?.interview.interviewer.email) || null,
      sent: note && target ? await input.links.interviewEvent(target.interview.id, 'congrats-sent') : null,
      noNoteLine: informationOnly ? goodNewsNoNoteLine(reasoned, input.settings.timeZone) : null,
      stopWatching: await input.links.stopWatching(item.companyId),
      notRelevant: input.links.notRelevant ? await input.links.notRelevant(item.companyId, item.storyId) : null,
    });
  }
  return prepared;
}

const shortCompany = (name: string) => cleanText(name, 40);

/** The subject says what is due today; failing that, the most useful thing the digest holds. */
function digestSubject(blocks: InterviewBlock[], news: PreparedNews[]): string {
  const due = blocks
    .flatMap((b) => b.due.map((p) => ({ p, company: b.company })))
    .sort((x, y) => Number(y.p.action.overdue) - Number(x.p.action.overdue));
  if (due.length) {
    const phrases = due.map((d) => SUBJECT_PHRASE[d.p.action.type](shortCompany(d.company)));
    const lead = due.every((d) => d.p.action.overdue) ? 'Overdue' : 'Today';
    if (phrases.length === 1) return `${lead}: ${phrases[0]}`;
    if (phrases.length === 2) return `${lead}: ${phrases[0]} and ${phrases[1]}`;
    return `${lead}: ${phrases[0]}, and ${phrases.length - 1} more things to do`;
  }
  const references = blocks.find((b) => b.references);
  if (references) return `${shortCompany(references.company)} asked for references: a good sign, not yet an offer`;
  const movedOn = blocks.find((b) => b.moveOn);
  if (movedOn) return `About ${shortCompany(movedOn.company)}: time to put your energy elsewhere`;
  if (news.length) {
    const companies = [...new Set(news.map((n) => shortCompany(n.company)))];
    return `Good news from ${companies[0]}${companies.length > 1 ? ` and ${companies.length - 1} more` : ''}`;
  }
  const next = blocks.flatMap((b) => b.upcoming.map((p) => ({ p, company: b.company }))).sort((x, y) => (x.p.action.dueOn < y.p.action.dueOn ? -1 : 1))[0];
  if (next) return `Nothing due today. Next: ${SUBJECT_PHRASE[next.p.action.type](shortCompany(next.company))} on ${formatDay(next.p.action.dueOn)}`;
  return 'Nothing due today: your afterview digest';
}

// ---------- plain text ----------

function textTimeline(keyDates: KeyDate[]): string {
  return keyDates
    .map((k) => {
      const mark = MARK[k.state];
      const date = k.date ? ` ${formatDay(k.date)}` : '';
      return `${k.label}${date}${k.state === 'done' ? ' ✓' : mark.text ? ` (${mark.text})` : ''}`;
    })
    .join(' → ');
}

function textAction(p: PreparedAction, block: InterviewBlock, withDraft: boolean): string[] {
  const a = p.action;
  const lines = [`* ${TITLE[a.type]} (${whenLabel(a, block.today)}), ${CHANNEL_LABEL[a.channel]}`, `  ${a.why}`];
  if (withDraft && a.draft) {
    const to = block.entry.interview.interviewer.email;
    lines.push('', ...(to && a.channel === 'email' ? [`  To: ${to}`] : []), `  Subject: ${a.draft.subject}`, '', ...a.draft.body.split('\n').map((l) => (l ? `  ${l}` : '')), '');
  }
  lines.push(`  I sent it: ${p.links.sent}`, `  They replied: ${p.links.replied}`);
  if (p.links.calendar) lines.push(`  Add to calendar: ${p.links.calendar}`);
  return lines;
}

function textBlockHeader(block: InterviewBlock): string[] {
  return [`${block.company} · ${block.role} (${block.interviewer})`, `  ${textTimeline(block.keyDates)}`];
}

// ---------- HTML ----------

function htmlTimeline(keyDates: KeyDate[]): string {
  const cells = keyDates.map((k) => {
    const mark = MARK[k.state];
    const date = k.date ? escapeHtml(formatDay(k.date)) : '&nbsp;';
    return (
      `<td align="center" valign="top" style="padding:4px 6px;font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:1.3;color:${COLORS.muted};">` +
      `<div style="font-size:15px;font-weight:bold;color:${mark.color};">${mark.symbol}</div>` +
      `<div style="color:${k.state === 'due' || k.state === 'overdue' ? mark.color : COLORS.text};font-weight:${k.state === 'due' || k.state === 'overdue' ? 'bold' : 'normal'};">${escapeHtml(k.label)}</div>` +
      `<div>${date}</div></td>`
    );
  });
  const arrow = `<td valign="middle" style="padding:0 2px;color:${COLORS.faint};font-size:12px;">→</td>`;
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:6px 0 4px;"><tr>${cells.join(arrow)}</tr></table>`;
}

function htmlDraft(draft: Draft, to: string | undefined): string {
  return (
    `<div style="margin:8px 0;padding:10px 14px;background:${COLORS.note};border-left:3px solid ${COLORS.line};font-family:Georgia,'Times New Roman',serif;font-size:15px;line-height:1.5;color:${COLORS.text};">` +
    (to ? `<div style="color:${COLORS.muted};font-size:13px;">To: ${escapeHtml(to)}</div>` : '') +
    `<div style="color:${COLORS.muted};font-size:13px;">Subject: ${escapeHtml(draft.subject)}</div><div style="margin-top:8px;">${escapeLines(draft.body)}</div></div>`
  );
}

function htmlAction(p: PreparedAction, block: InterviewBlock, withDraft: boolean): string {
  const a = p.action;
  const color = a.overdue ? COLORS.overdue : a.dueOn <= block.today ? COLORS.due : COLORS.muted;
  const to = a.channel === 'email' ? block.entry.interview.interviewer.email : undefined;
  return [
    `<div style="margin:10px 0 4px;"><strong>${escapeHtml(TITLE[a.type])}</strong> <span style="color:${color};font-size:13px;">${escapeHtml(whenLabel(a, block.today))} · ${escapeHtml(CHANNEL_LABEL[a.channel])}</span></div>`,
    `<div style="color:${COLORS.muted};font-size:14px;">${escapeHtml(a.why)}</div>`,
    withDraft && a.draft ? htmlDraft(a.draft, to) : '',
    `<div>${withDraft ? button('Open in your mail app', p.links.mailto, true) : ''}${button('I sent it', p.links.sent)}${button('They replied', p.links.replied)}${button('Add to calendar', p.links.calendar)}</div>`,
  ].join('');
}

function htmlBlockHeader(block: InterviewBlock): string {
  return (
    `<div style="font-size:16px;font-weight:bold;">${escapeHtml(block.company)} <span style="font-weight:normal;color:${COLORS.muted};">· ${escapeHtml(block.role)} · ${escapeHtml(block.interviewer)}</span></div>` +
    htmlTimeline(block.keyDates)
  );
}

const MOVE_ON_TITLE = 'Time to let this one go';
const REFERENCES_TITLE = 'References requested: a good sign, not an offer';

/**
 * Composes one subscriber's digest from plain data (see {@link DigestInput}). Pure apart from the
 * link functions it is handed; returns both parts, the subject, and whether there is anything to say.
 */
export async function composeDigest(input: DigestInput): Promise<ComposedDigest> {
  const localDate = dateIn(input.now, input.settings.timeZone);
  const { blocks, movedOnNoticeFor } = await prepareBlocks(input);
  const news = await prepareNews(input);
  const unsubscribe = await input.links.unsubscribe();
  const settings = input.links.settings ? await input.links.settings() : null;
  const advice = keepLookingAdvice(input.keepLooking);

  const todayBlocks = blocks.filter((b) => b.due.length || b.references || b.moveOn);
  const comingBlocks = blocks.filter((b) => b.upcoming.length && !b.due.length);
  const hasSomethingToSay = todayBlocks.length > 0 || news.length > 0;
  const subject = digestSubject(blocks, news);
  const dayHeading = formatWeekday(localDate);

  // Plain text.
  const text: string[] = [`Your afterview digest for ${dayHeading}`, ''];
  if (!hasSomethingToSay) text.push('Nothing needs doing today.', '');
  if (todayBlocks.length) {
    text.push('TODAY', '-----');
    for (const b of todayBlocks) {
      text.push(...textBlockHeader(b), '');
      for (const p of b.due) text.push(...textAction(p, b, true), '');
      if (b.references) text.push(`* ${REFERENCES_TITLE}`, `  ${b.references.why}`, '');
      if (b.moveOn) text.push(`* ${MOVE_ON_TITLE}`, `  ${b.moveOn.action.why}`, `  They got back in touch after all: ${b.moveOn.replied}`, '');
      for (const p of b.upcoming) text.push(...textAction(p, b, false), '');
    }
  }
  if (comingBlocks.length) {
    text.push('COMING UP', '---------');
    for (const b of comingBlocks) {
      text.push(...textBlockHeader(b), '');
      for (const p of b.upcoming) text.push(...textAction(p, b, false), '');
    }
  }
  if (news.length) {
    text.push('GOOD NEWS', '---------');
    for (const n of news) {
      const by = n.item.publisher ? ` (${cleanText(n.item.publisher, 80)})` : '';
      text.push(`${n.company}: ${cleanText(n.item.title, 300)}${by}`);
      const href = safeHref(n.item.link);
      if (href) text.push(`  ${href}`);
      if (n.noNoteLine) text.push(`  ${n.noNoteLine}`);
      if (n.note) {
        text.push('  A short congratulations note could be welcome:', '', ...(n.to ? [`  To: ${n.to}`] : []), `  Subject: ${n.note.subject}`, '', ...n.note.body.split('\n').map((l) => (l ? `  ${l}` : '')), '');
        if (n.sent) text.push(`  I sent it: ${n.sent}`);
      }
      text.push(`  Stop watching ${n.company}: ${n.stopWatching}`);
      if (n.notRelevant) text.push(`  Not about this company: ${n.notRelevant}`);
      text.push('');
    }
  }
  text.push('KEEP LOOKING', '------------', ...advice.facts, ...(advice.nudge ? [advice.nudge] : []), '');
  text.push('--', 'You get this because you subscribed to afterview.', `Unsubscribe: ${unsubscribe}`, ...(settings ? [`Settings: ${settings}`] : []));

  // HTML.
  const rows: string[] = [
    `<tr><td style="padding:24px 24px 4px;font-family:Arial,Helvetica,sans-serif;"><div style="font-size:13px;color:${COLORS.muted};">afterview</div><h1 style="margin:2px 0 0;font-size:22px;color:${COLORS.text};">${escapeHtml(dayHeading)}</h1></td></tr>`,
  ];
  if (!hasSomethingToSay) rows.push(row(`<p style="margin:0;">Nothing needs doing today.</p>`));
  if (todayBlocks.length) {
    rows.push(heading('Today'));
    for (const b of todayBlocks) {
      const parts = [htmlBlockHeader(b), ...b.due.map((p) => htmlAction(p, b, true))];
      if (b.references) {
        parts.push(`<div style="margin:10px 0 4px;"><strong>${escapeHtml(REFERENCES_TITLE)}</strong></div><div style="font-size:14px;">${escapeHtml(b.references.why)}</div>`);
      }
      if (b.moveOn) {
        parts.push(
          `<div style="margin:10px 0 4px;"><strong>${escapeHtml(MOVE_ON_TITLE)}</strong></div><div style="font-size:14px;">${escapeHtml(b.moveOn.action.why)}</div>` +
            `<div>${button('They got back in touch', b.moveOn.replied)}</div>`,
        );
      }
      parts.push(...b.upcoming.map((p) => htmlAction(p, b, false)));
      rows.push(row(parts.join('')));
    }
  }
  if (comingBlocks.length) {
    rows.push(heading('Coming up'));
    for (const b of comingBlocks) rows.push(row([htmlBlockHeader(b), ...b.upcoming.map((p) => htmlAction(p, b, false))].join('')));
  }
  if (news.length) {
    rows.push(heading('Good news'));
    for (const n of news) {
      const by = n.item.publisher ? ` <span style="color:${COLORS.muted};">· ${escapeHtml(cleanText(n.item.publisher, 80))}</span>` : '';
      const parts = [`<div><strong>${escapeHtml(n.company)}</strong>: ${link(cleanText(n.item.title, 300), n.item.link)}${by}</div>`];
      if (n.noNoteLine) parts.push(`<div style="font-size:13px;color:${COLORS.muted};">${escapeHtml(n.noNoteLine)}</div>`);
      if (n.note) {
        parts.push(`<div style="font-size:14px;margin-top:6px;">A short congratulations note could be welcome:</div>`, htmlDraft(n.note, n.to ?? undefined));
        parts.push(`<div>${button('Open in your mail app', n.mailto, true)}${button('I sent it', n.sent)}</div>`);
      }
      parts.push(
        `<div style="font-size:13px;margin-top:6px;">${link(`Stop watching ${n.company}`, n.stopWatching)}${n.notRelevant ? ` · ${link('Not about this company', n.notRelevant)}` : ''}</div>`,
      );
      rows.push(row(parts.join('')));
    }
  }
  rows.push(heading('Keep looking'));
  rows.push(
    row(
      `<p style="margin:0;">${advice.facts.map(escapeHtml).join(' ')}</p>` +
        (advice.nudge ? `<p style="margin:8px 0 0;padding:8px 12px;background:#fffbeb;border-left:3px solid ${COLORS.due};">${escapeHtml(advice.nudge)}</p>` : ''),
    ),
  );
  rows.push(
    `<tr><td style="padding:20px 24px 24px;font-family:Arial,Helvetica,sans-serif;font-size:12px;color:${COLORS.muted};border-top:1px solid ${COLORS.line};">` +
      `You get this because you subscribed to afterview. ${link('Unsubscribe', unsubscribe)}${settings ? ` · ${link('Settings', settings)}` : ''}</td></tr>`,
  );

  return {
    subject,
    text: `${text.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`,
    html: page(subject, subject, rows),
    hasSomethingToSay,
    movedOnNoticeFor,
    localDate,
  };
}
