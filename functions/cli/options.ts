/**
 * The command line's arguments, read one way for every command (Node's own `util.parseArgs`), so
 * each refuses an unknown option, a repeated one or a stray argument with the same kind of line.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../app/errors.js';
import { Instant, LocalDate } from '../domain/interview.js';

const EXAMPLE = 'e.g. --now 2026-11-20T09:00:00Z';

/** What a command takes: `--now <value>`, `--once`, and at most one argument (parse-feed's file, fetch-feed's URL). */
export interface Accepts {
  now?: boolean;
  once?: boolean;
  argument?: boolean;
}

export interface ReadArguments {
  now?: string;
  once: boolean;
  argument?: string;
}

/**
 * Reads `args` for `command`; anything it does not take is a UsageError naming it, with `usage`
 * (the command's synopsis) so the person sees what it does take.
 */
export function readArguments(command: string, args: string[], usage: string, accepts: Accepts = {}): ReadArguments {
  const refuse = (what: string) => new UsageError(`${command}: ${what} (usage: ${usage})`);
  const { tokens } = parseArgs({
    args,
    options: { now: { type: 'string' }, once: { type: 'boolean' } },
    // Strict mode throws Node's own messages; the tokens let each refusal be said in the product's words.
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const read: ReadArguments = { once: false };
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (!accepts.argument || read.argument !== undefined) throw refuse(`unexpected argument "${token.value.slice(0, 60)}"`);
      read.argument = token.value;
      continue;
    }
    const known = (token.name === 'now' && accepts.now) || (token.name === 'once' && accepts.once);
    if (!known) throw refuse(`unknown option "${token.rawName.slice(0, 60)}"`);
    if (seen.has(token.name)) throw new UsageError(`${command}: ${token.rawName} is given more than once; give it once`);
    seen.add(token.name);
    if (token.name === 'once') {
      if (token.value !== undefined) throw refuse('--once takes no value');
      read.once = true;
    } else {
      // "--now --once": parseArgs takes the next option for the value; a person forgot the value.
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) throw new UsageError(`--now needs a value, ${EXAMPLE}`);
      read.now = token.value;
    }
  }
  return read;
}

/** `--now` as an instant with an offset; the current time when it was not given. */
export function instantOption(now: string | undefined): Date {
  if (now === undefined) return new Date();
  if (!Instant.safeParse(now).success) throw badNow(now);
  return new Date(now);
}

/** `--now` as an instant, or a bare local date (the command decides what a date means). */
export function instantOrDateOption(now: string): string {
  if (!Instant.safeParse(now).success && !LocalDate.safeParse(now).success) throw badNow(now);
  return now;
}

function badNow(now: string): UsageError {
  return new UsageError(`--now must be an ISO-8601 date-time with an offset, like 2026-11-20T09:00:00Z (got "${now.slice(0, 60)}")`);
}
