/**
 * `afterview classify`: JSON lines on stdin → one verdict per line on stdout, same order
 * (CONTRACTS.md §1). Streams: each line is classified and written before the next is read, and
 * writing waits when stdout is full, so 100,000 lines never sit in memory.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { describeIssues, ValidationError } from '../../app/errors.js';
import { classifyHeadline } from '../../domain/classifier/index.js';
import { instantOption, readOptions } from '../options.js';
import type { CliCommand } from '../command.js';

/** A headline is a few hundred bytes; a line this long is not one. */
const MAX_LINE_CHARS = 64 * 1024;

/** One input line. Other fields (a label, a score) are ignored so labelled files can be piped in. */
const ClassifyInput = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string().max(4000),
  entity: z.string().trim().min(1, 'must name the company').max(200),
  summary: z.string().nullable().optional(),
  publishedAt: z.string().nullable().optional(),
  link: z.string().nullable().optional(),
});

const USAGE = `
Usage: afterview classify [--now <ISO-8601>]  < headlines.jsonl

Reads JSON lines {"id","title","entity"} (optional "summary", "publishedAt", "link") and prints
one JSON line per input line, in the same order:
{"id","polarity":"positive"|"negative"|"neutral","event":string|null,"congratulate":boolean,
 "confidence":number,"reasons":[…]}

Blank lines are skipped. Items with a publishedAt older than 14 days are never congratulated.

Options:
  --now <instant>  judge freshness as of this moment (default: the current time)

Exit 2 with one line naming the line number when a line is not a valid headline.
`;

function parseArgs(args: string[]): Date {
  const { now } = readOptions('classify', args, 'afterview classify [--now <ISO-8601>] < headlines.jsonl');
  return instantOption(now);
}

function parseLine(line: string, lineNumber: number): z.infer<typeof ClassifyInput> {
  if (line.length > MAX_LINE_CHARS) throw new ValidationError(`line ${lineNumber}: longer than ${MAX_LINE_CHARS / 1024} KB; expected one headline`);
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : 'unreadable';
    throw new ValidationError(`line ${lineNumber}: not valid JSON (${reason})`);
  }
  const parsed = ClassifyInput.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => (/received undefined$/.test(i.message) ? { ...i, message: 'is required' } : i));
    throw new ValidationError(`line ${lineNumber}: ${describeIssues(issues)}`, parsed.error.issues);
  }
  return parsed.data;
}

export const command: CliCommand = {
  name: 'classify',
  summary: 'classify headlines (JSON lines on stdin → JSON lines on stdout)',
  usage: USAGE,
  async run(args, io) {
    const now = parseArgs(args);
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
    // A reader that goes away (`| head`) ends the run quietly; other write errors are failures.
    let writeError: Error | null = null;
    const onError = (err: Error) => {
      writeError = err;
      lines.close();
    };
    io.stdout.on('error', onError);
    try {
      let lineNumber = 0;
      for await (const line of lines) {
        lineNumber += 1;
        if (writeError) break;
        if (!line.trim()) continue;
        const input = parseLine(line, lineNumber);
        const verdict = classifyHeadline(
          { title: input.title, summary: input.summary ?? null, publishedAt: input.publishedAt ?? null, link: input.link ?? null },
          { name: input.entity },
          { now },
        );
        const out = JSON.stringify({
          id: input.id,
          polarity: verdict.polarity,
          event: verdict.event,
          congratulate: verdict.congratulate,
          confidence: verdict.confidence,
          reasons: verdict.reasons,
        });
        if (!io.stdout.write(`${out}\n`)) {
          await new Promise<void>((resolve) => {
            const done = () => {
              io.stdout.off('drain', done);
              io.stdout.off('error', done);
              resolve();
            };
            io.stdout.on('drain', done);
            io.stdout.on('error', done);
          });
        }
      }
    } finally {
      lines.close();
      io.stdout.off('error', onError);
    }
    const failure = writeError as (Error & { code?: string }) | null;
    if (failure && failure.code !== 'EPIPE') throw failure;
    return 0;
  },
};
