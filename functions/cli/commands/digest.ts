import { runDigestJob } from '../../app/digest/digest-job.js';
import { UsageError } from '../../app/errors.js';
import { writeLine, type CliCommand } from '../command.js';
import { instantOption, readArguments } from '../options.js';
import { runUntilStopped } from '../stop-signal.js';
import { connectToStack } from '../../wiring/local.js';

export const command: CliCommand = {
  name: 'digest',
  summary: 'run one digest cycle',
  usage: `
afterview digest --once [--now <ISO-8601>]

Runs one digest cycle against the configured stack (local mode by default): every confirmed
subscriber whose local digest hour has come today and who has not had today's digest gets it,
and mail that earlier runs left pending goes out. Running it again the same day sends nothing
twice. On SIGTERM or Ctrl-C it takes no new mail, finishes the one in hand and prints its summary;
what it did not send stays pending for the next run. Prints a summary JSON on stdout, with the
outbox's figures under "outbox" (pending, leased, sent, retried, expired, dropped, …).

  --once        run one cycle and exit (required)
  --now <ISO>   pretend it is this instant (e.g. 2026-11-26T08:00:00Z); default: now`,
  async run(args, io) {
    const { once, now: nowOption } = readArguments('digest', args, 'afterview digest --once [--now <ISO-8601>]', { once: true, now: true });
    if (!once) throw new UsageError('digest needs --once (the scheduler runs it hourly in local mode)');
    const now = instantOption(nowOption);
    const services = await connectToStack(io.env, 'digest');
    const summary = await runUntilStopped((deadline) => runDigestJob(services, now, deadline));
    await writeLine(io.stdout, JSON.stringify({ now: now.toISOString(), ...summary }));
    return summary.failed > 0 ? 1 : 0;
  },
};
