/**
 * The JSON-lines commands (`classify`, `note`) read one JSON object per line on stdin and write one
 * JSON line per input line on stdout, in the same order (CONTRACTS.md §1). They share this loop:
 * each line is read, validated, answered and written before the next is read, and writing waits
 * while stdout is full, so 100,000 lines never sit in memory. A bad line stops the run with a
 * ValidationError naming the line (exit 2); a reader that goes away (`| head`) ends it quietly.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { Instant, LocalDate } from '../domain/interview.js';
import { describeIssues, ValidationError } from '../app/errors.js';
import type { CliIo } from './command.js';

/** A headline is a few hundred bytes; a line this long is not one. */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * When a headline was published: an ISO-8601 date or date-time with an offset. Anything else
 * ("yesterday") is refused rather than silently judged as undated, which would skip the freshness check.
 */
export const PublishedAt = z.string().refine((value) => Instant.safeParse(value).success || LocalDate.safeParse(value).success, {
  error: (issue) => `must be an ISO-8601 date or date-time like 2026-11-02 or 2026-11-02T15:00:00Z (got ${JSON.stringify(String(issue.input).slice(0, 60))})`,
});

/** A text editor's UTF-8 byte-order mark, which may come before the first line. */
const BYTE_ORDER_MARK = /^\uFEFF/;

/** Parses one input line against `schema`, or throws a ValidationError that names the line. */
export function parseJsonLine<S extends z.ZodType>(schema: S, line: string, lineNumber: number, what = 'headline'): z.infer<S> {
  if (line.length > MAX_LINE_CHARS) throw new ValidationError(`line ${lineNumber}: longer than ${MAX_LINE_CHARS / 1024} KB; expected one ${what}`);
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : 'unreadable';
    throw new ValidationError(`line ${lineNumber}: not valid JSON (${reason})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => (/received undefined$/.test(i.message) ? { ...i, message: 'is required' } : i));
    throw new ValidationError(`line ${lineNumber}: ${describeIssues(issues)}`, parsed.error.issues);
  }
  return parsed.data;
}

/** Waits until a full stream has drained (or failed: the failure is reported by the caller's listener). */
function drained(stream: CliIo['stdout']): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
  });
}

/**
 * Runs a JSON-lines command: every non-blank stdin line is parsed with `schema`, passed to
 * `answer`, and the object it returns is written as one line. Returns the exit code (0).
 */
export async function streamJsonLines<S extends z.ZodType>(
  io: CliIo,
  schema: S,
  answer: (input: z.infer<S>) => object,
  options: { what?: string } = {},
): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
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
      const text = lineNumber === 1 ? line.replace(BYTE_ORDER_MARK, '') : line;
      if (!text.trim()) continue;
      const out = JSON.stringify(answer(parseJsonLine(schema, text, lineNumber, options.what)));
      if (!io.stdout.write(`${out}\n`)) await drained(io.stdout);
    }
  } finally {
    lines.close();
    io.stdout.off('error', onError);
  }
  const failure = writeError as (Error & { code?: string }) | null;
  if (failure && failure.code !== 'EPIPE') throw failure;
  return 0;
}
