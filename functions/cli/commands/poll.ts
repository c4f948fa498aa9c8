/**
 * `afterview poll --once [--now <ISO>]`: one news poll cycle against the stack the environment
 * points at (local mode by default) — every due feed fetched once, new stories stored, alerts
 * recorded in the outbox and sent, and alerts earlier runs left pending sent — and a summary JSON
 * on stdout (CONTRACTS.md §1). On SIGTERM or Ctrl-C it stops in time (../stop-signal.ts).
 */
import { UsageError } from '../../app/errors.js';
import { pollDepsFrom, runPollCycle } from '../../app/poll/index.js';
import { writeLine, type CliCommand } from '../command.js';
import { instantOption, readArguments } from '../options.js';
import { runUntilStopped } from '../stop-signal.js';
import { connectToStack } from '../../wiring/local.js';

export const command: CliCommand = {
  name: 'poll',
  summary: 'run one news poll cycle against the configured stack',
  usage: `
afterview poll --once [--now <ISO-8601>]

Runs one news poll cycle against the configured stack (local mode by default): each due feed
is fetched once for everyone watching its company (304 when unchanged), new stories about the
company are stored once however many outlets carry them, and good news becomes at most one
congratulations alert per subscriber and story, recorded in the outbox before its story is stored
and then sent; alerts that earlier runs left pending go out too. On SIGTERM or Ctrl-C it starts no
new company, finishes the mail in hand and prints its summary; what it did not get to is given back
for the next run. Prints a summary JSON on stdout: sourcesDue, requests, notModified, failures,
newStories, itemWrites, alertsSent, alertsPending, tableWrites (every write the cycle made to the
table, leases included), the outbox's figures under "outbox" (pending, leased, sent, retried,
expired, dropped, …), …

  --once        run one cycle and exit (required)
  --now <ISO>   pretend it is this instant (e.g. 2026-11-26T08:00:00Z); default: now`,
  async run(args, io) {
    const { once, now: nowOption } = readArguments('poll', args, 'afterview poll --once [--now <ISO-8601>]', { once: true, now: true });
    if (!once) throw new UsageError('poll needs --once (the scheduler runs it hourly in local mode)');
    const now = instantOption(nowOption);
    const services = await connectToStack(io.env, 'poll');
    const started = Date.now();
    const summary = await runUntilStopped((deadline) => runPollCycle(pollDepsFrom(services), now, deadline));
    await writeLine(io.stdout, JSON.stringify({ now: now.toISOString(), durationMs: Date.now() - started, ...summary }));
    // Feeds failing is the outside world; failing to store what was fetched is ours.
    return summary.companiesFailed > 0 ? 1 : 0;
  },
};
