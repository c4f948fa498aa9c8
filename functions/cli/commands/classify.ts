/**
 * `afterview classify`: JSON lines on stdin → one verdict per line on stdout, same order
 * (CONTRACTS.md §1). Streams through the shared JSON-lines loop (../json-lines.ts).
 */
import { z } from 'zod';
import { classifyHeadline } from '../../domain/classifier/index.js';
import { instantOption, readArguments } from '../options.js';
import type { CliCommand } from '../command.js';
import { PublishedAt, streamJsonLines } from '../json-lines.js';

/** One input line. Other fields (a label, a score) are ignored so labelled files can be piped in. */
const ClassifyInput = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string().max(4000),
  entity: z.string().trim().min(1, 'must name the company').max(200),
  summary: z.string().nullable().optional(),
  publishedAt: PublishedAt.nullable().optional(),
  link: z.string().nullable().optional(),
});

const USAGE = `
Usage: afterview classify [--now <ISO-8601>]  < headlines.jsonl

Reads JSON lines {"id","title","entity"} (optional "summary", "publishedAt", "link") and prints
one JSON line per input line, in the same order:
{"id","polarity":"positive"|"negative"|"neutral","event":string|null,"congratulate":boolean,
 "confidence":number,"reasons":[…]}

Blank lines are skipped, and a byte-order mark before the first line. "publishedAt" is an ISO-8601
date or date-time with an offset; items published more than 14 days ago are never congratulated.

Options:
  --now <instant>  judge freshness as of this moment (default: the current time)

Exit 2 with one line naming the line number when a line is not a valid headline.
`;

function parseArgs(args: string[]): Date {
  const { now } = readArguments('classify', args, 'afterview classify [--now <ISO-8601>] < headlines.jsonl', { now: true });
  return instantOption(now);
}

export const command: CliCommand = {
  name: 'classify',
  summary: 'classify headlines (JSON lines on stdin → JSON lines on stdout)',
  usage: USAGE,
  async run(args, io) {
    const now = parseArgs(args);
    return streamJsonLines(io, ClassifyInput, (input) => {
      const verdict = classifyHeadline(
        { title: input.title, summary: input.summary ?? null, publishedAt: input.publishedAt ?? null, link: input.link ?? null },
        { name: input.entity },
        { now },
      );
      return {
        id: input.id,
        polarity: verdict.polarity,
        event: verdict.event,
        congratulate: verdict.congratulate,
        confidence: verdict.confidence,
        reasons: verdict.reasons,
      };
    });
  },
};
