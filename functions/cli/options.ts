/**
 * The options the commands share (`--now`, `--once`), read one way everywhere so every command
 * refuses a bad flag with the same kind of line.
 */
import { UsageError } from '../app/errors.js';
import { Instant, LocalDate } from '../domain/interview.js';

const EXAMPLE = 'e.g. --now 2026-11-20T09:00:00Z';

/** Reads `--now <value>` / `--now=<value>` and, where the command takes it, `--once`. */
export function readOptions(command: string, args: string[], usage: string, accepts: { once?: boolean } = {}): { now?: string; once: boolean } {
  let now: string | undefined;
  let once = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--now') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--now needs a value, ${EXAMPLE}`);
      now = value;
    } else if (arg.startsWith('--now=')) {
      now = arg.slice('--now='.length);
    } else if (arg === '--once' && accepts.once) {
      once = true;
    } else {
      throw new UsageError(`${command}: unexpected argument "${arg.slice(0, 60)}" (usage: ${usage})`);
    }
  }
  return { now, once };
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
