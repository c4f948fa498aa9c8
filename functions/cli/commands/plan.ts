/**
 * `afterview plan --now <ISO-8601>`: one interview JSON on stdin → its follow-up plan JSON on stdout
 * (CONTRACTS.md §1). Bad input exits 2 with one line naming the bad field.
 */
import { DateTime } from 'luxon';
import { describeIssues, UsageError, ValidationError } from '../../app/errors.js';
import { planFollowUps } from '../../domain/follow-up/index.js';
import { Interview, LocalDate } from '../../domain/interview.js';
import { writeLine, type CliCommand } from '../command.js';
import { instantOrDateOption, readArguments } from '../options.js';

/** One interview is a few kilobytes; anything near this is not an interview. */
const MAX_INPUT_BYTES = 1024 * 1024;

/**
 * The bookkeeping fields the API adds to a stored interview. Accepted and ignored, so the output of
 * `GET /v1/interviews/{id}` can be piped straight in; any other unknown field is still an error,
 * because a misspelt field silently ignored would give a wrong plan.
 */
const STORED_FIELDS = ['id', 'subscriberId', 'companyId', 'createdAt', 'updatedAt', 'movedOnNoticeAt', 'lastCongratsSuggestedAt', 'lastCongratsStoryKey'];

const USAGE = `
Usage: afterview plan --now <ISO-8601>  < interview.json

Reads one interview (CONTRACTS.md §1) as JSON on stdin and prints its follow-up plan:
{"status":"open"|"moved-on"|"closed","actions":[…]}, with actions due today, overdue,
or due within the next 7 days, dated in the interview's time zone.

Options:
  --now <instant>  the moment to plan for, e.g. 2026-11-20T09:00:00Z (an offset is required);
                   a bare date (2026-11-20) means noon that day in the interview's time zone

Fields the API adds to a stored interview (id, createdAt, …) are ignored; other unknown fields
are rejected. Exit 2 on bad input.
`;

function parseArgs(args: string[]): string {
  const { now } = readArguments('plan', args, 'afterview plan --now <ISO-8601> < interview.json', { now: true });
  if (now === undefined) throw new UsageError('plan: --now <ISO-8601> is required, e.g. --now 2026-11-20T09:00:00Z');
  return instantOrDateOption(now);
}

async function readAll(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_INPUT_BYTES) throw new ValidationError(`stdin: more than ${MAX_INPUT_BYTES / 1024} KB; expected one interview`);
    chunks.push(buf);
  }
  // A UTF-8 byte-order mark (some editors write one) is not part of the JSON.
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
}

function parseInterview(text: string): Interview {
  if (!text.trim()) throw new ValidationError('stdin: expected one interview as JSON, got nothing');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : 'unreadable';
    throw new ValidationError(`stdin: not valid JSON (${reason})`);
  }
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    json = Object.fromEntries(Object.entries(json).filter(([key]) => !STORED_FIELDS.includes(key)));
  }
  const parsed = Interview.safeParse(json);
  if (!parsed.success) {
    // "expected string, received undefined" says less than "is required".
    const issues = parsed.error.issues.map((i) => (/received undefined$/.test(i.message) ? { ...i, message: 'is required' } : i));
    throw new ValidationError(`invalid interview: ${describeIssues(issues)}`, parsed.error.issues);
  }
  return parsed.data;
}

/** A bare date is read as noon in the interview's zone: unambiguous whatever the offset. */
function resolveNow(now: string, zone: string): Date {
  if (LocalDate.safeParse(now).success) return DateTime.fromISO(now, { zone }).set({ hour: 12 }).toJSDate();
  return new Date(now);
}

export const command: CliCommand = {
  name: 'plan',
  summary: "today's follow-up plan for one interview (JSON on stdin)",
  usage: USAGE,
  async run(args, io) {
    const now = parseArgs(args);
    const interview = parseInterview(await readAll(io.stdin));
    const plan = planFollowUps(interview, resolveNow(now, interview.timeZone));
    await writeLine(io.stdout, JSON.stringify(plan, null, 2));
    return 0;
  },
};
