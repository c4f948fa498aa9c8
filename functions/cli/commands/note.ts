/**
 * `afterview note`: JSON lines on stdin → for each, whether it is worth a congratulations note and
 * the note itself, one JSON line per input line in the same order (CONTRACTS.md §1). The verdict
 * is the classifier's and the note is the alert's own writer given the alert's inputs, so what
 * this prints is what an alert would offer. Streams through the shared JSON-lines loop.
 */
import { z } from 'zod';
import { classifyHeadline } from '../../domain/classifier/index.js';
import { writeCongratulations } from '../../domain/notes/congratulations.js';
import { instantOption, readArguments } from '../options.js';
import type { CliCommand } from '../command.js';
import { PublishedAt, streamJsonLines } from '../json-lines.js';

/** Stand-ins for what a line leaves out, named in --help. */
const DEFAULT_ROLE = 'open';

/** One input line. Other fields (a label, a score) are ignored so labelled files can be piped in. */
const NoteInput = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string().max(4000),
  entity: z.string().trim().min(1, 'must name the company').max(200),
  summary: z.string().max(20_000).nullable().optional(),
  publishedAt: PublishedAt.nullable().optional(),
  link: z.string().nullable().optional(),
  publisher: z.string().max(200).nullable().optional(),
  interviewer: z.string().max(200).nullable().optional(),
  role: z.string().max(200).nullable().optional(),
  company: z.string().max(200).nullable().optional(),
});

const USAGE = `
Usage: afterview note [--now <ISO-8601>]  < headlines.jsonl

Reads JSON lines {"id","title","entity"} with optional "summary", "publishedAt", "interviewer"
(a name), "role", "company" (display name), "publisher" and "link", and prints one JSON line per
input line, in the same order:
{"id","congratulate":boolean,"event":string|null,"note":{"subject","body"}|null}

The note is the one an alert would offer for that news (same classifier, same note writer);
"note" is null when the news is not worth congratulating. When a line leaves them out:
  interviewer  the note greets without a name ("Hi,")
  role         the note speaks of "the open role"
  company      the note uses "entity", the watched company's name
The wording variant is chosen from the headline, so one headline always gives the same note
(an alert picks it per story and interview instead).

Blank lines are skipped, and a byte-order mark before the first line. "publishedAt" is an ISO-8601
date or date-time with an offset; items published more than 14 days ago are never congratulated.

Options:
  --now <instant>  judge freshness as of this moment (default: the current time)

Exit 2 with one line naming the line number when a line is not a valid headline.
`;

export const command: CliCommand = {
  name: 'note',
  summary: 'congratulations notes for headlines (JSON lines on stdin → JSON lines on stdout)',
  usage: USAGE,
  async run(args, io) {
    const { now: nowOption } = readArguments('note', args, 'afterview note [--now <ISO-8601>] < headlines.jsonl', { now: true });
    const now = instantOption(nowOption);
    return streamJsonLines(io, NoteInput, (input) => {
      const verdict = classifyHeadline(
        { title: input.title, summary: input.summary ?? null, publishedAt: input.publishedAt ?? null, link: input.link ?? null },
        { name: input.entity },
        { now },
      );
      const note = verdict.congratulate
        ? writeCongratulations(
            {
              title: input.title,
              event: verdict.event,
              ...(input.summary ? { summary: input.summary } : {}),
              ...(input.publisher ? { publisher: input.publisher } : {}),
              ...(input.link ? { link: input.link } : {}),
            },
            {
              company: input.company?.trim() || input.entity,
              role: input.role?.trim() || DEFAULT_ROLE,
              interviewer: { name: input.interviewer ?? '' },
            },
          )
        : null;
      return { id: input.id, congratulate: verdict.congratulate, event: verdict.event, note };
    });
  },
};
