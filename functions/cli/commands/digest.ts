import { parseArgs } from 'node:util';
import { runDigestCycle } from '../../app/digest/run-digest-cycle.js';
import { UsageError } from '../../app/errors.js';
import { Instant } from '../../domain/interview.js';
import { writeLine, type CliCommand } from '../command.js';
import { connectToStack } from '../stack.js';

export const command: CliCommand = {
  name: 'digest',
  summary: 'run one digest cycle',
  usage: `
afterview digest --once [--now <ISO-8601>]

Runs one digest cycle against the configured stack (local mode by default): every confirmed
subscriber whose local digest hour has come today and who has not had today's digest gets it.
Running it again the same day sends nothing twice. Prints a summary JSON on stdout.

  --once        run one cycle and exit (required)
  --now <ISO>   pretend it is this instant (e.g. 2026-11-26T08:00:00Z); default: now`,
  async run(args, io) {
    let values: { once?: boolean; now?: string };
    try {
      ({ values } = parseArgs({ args, options: { once: { type: 'boolean' }, now: { type: 'string' } }, strict: true }));
    } catch (err) {
      throw new UsageError(`${(err as Error).message.split('\n')[0]} (see digest --help)`);
    }
    if (!values.once) throw new UsageError('digest needs --once (the scheduler runs it hourly in local mode)');
    let now = new Date();
    if (values.now !== undefined) {
      if (!Instant.safeParse(values.now).success) throw new UsageError(`--now must be an ISO-8601 instant like 2026-11-26T08:00:00Z (got "${values.now}")`);
      now = new Date(values.now);
    }
    const services = await connectToStack(io, 'digest');
    const summary = await runDigestCycle(services, now);
    await writeLine(io.stdout, JSON.stringify({ now: now.toISOString(), ...summary }));
    return summary.failed > 0 ? 1 : 0;
  },
};
