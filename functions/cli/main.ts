/**
 * The command line (CONTRACTS.md §1). Machine-readable commands print only JSON on stdout;
 * bad input exits 2 with one readable line on stderr — never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config/env.js';
import { AppError, UsageError } from '../app/errors.js';
import { complain, type CliCommand, type CliIo } from './command.js';

/** Commands load lazily: `classify` need not import the AWS SDK. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  classify: { summary: 'classify headlines (JSON lines on stdin → JSON lines on stdout)', load: async () => (await import('./commands/classify.js')).command },
  note: { summary: 'congratulations notes for headlines (JSON lines on stdin → JSON lines on stdout)', load: async () => (await import('./commands/note.js')).command },
  plan: { summary: "today's follow-up plan for one interview (JSON on stdin)", load: async () => (await import('./commands/plan.js')).command },
  'parse-feed': { summary: 'parse an RSS/Atom file (- for stdin) into news items', load: async () => (await import('./commands/parse-feed.js')).command },
  'fetch-feed': { summary: 'fetch and parse a feed with the safe fetcher', load: async () => (await import('./commands/fetch-feed.js')).command },
  poll: { summary: 'run one news poll cycle against the configured stack', load: async () => (await import('./commands/poll.js')).command },
  digest: { summary: 'run one digest cycle against the configured stack', load: async () => (await import('./commands/digest.js')).command },
  start: { summary: 'run local mode: local DynamoDB, mail catcher, API and scheduler', load: async () => (await import('./commands/start.js')).command },
  'rotate-link-key': {
    summary: 'sign email links with a new key; the previous one still verifies links already sent',
    load: async () => (await import('./commands/rotate-link-key.js')).command,
  },
  demo: { summary: 'run local mode with sample data: an alert and a digest in the inbox within a minute, offline', load: async () => (await import('./commands/demo.js')).command },
};

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    'afterview — what to do after an interview, and good news worth a note.',
    '',
    'Usage: afterview <command> [options]     (npm run --silent afterview -- <command>)',
    '       afterview --version',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "afterview <command> --help" for a command\'s options.',
  ].join('\n');
}

/** Maps any error to one line on stderr and an exit code (2 = bad input, 1 = failure). */
/** The reader of our output went away (`… | head -1`): nothing more can be said, and nothing went wrong. */
const readerGone = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === 'EPIPE';

export function reportError(err: unknown, io: CliIo): number {
  if (readerGone(err)) return 0;
  if (err instanceof UsageError || err instanceof ConfigError) {
    complain(io, err.message);
    return 2;
  }
  if (err instanceof AppError) {
    complain(io, err.message);
    return err.code === 'validation_error' ? 2 : 1;
  }
  // Not one of the product's own errors: its text is about afterview's internals, not the input.
  complain(io, 'something went wrong inside afterview; run again with LOG_LEVEL=DEBUG to see what');
  if (io.env.LOG_LEVEL === 'DEBUG') complain(io, `debug: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
  return 1;
}

/** The version in the package.json beside the sources (or beside their build in dist/). */
function packageVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'afterview' && pkg.version) return pkg.version;
    } catch {
      // no package.json here: look one folder up
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  // A closed pipe is reported on the stream too; unheard, that event would end the process with a stack trace.
  const onOutputError = (err: Error) => {
    if (!readerGone(err)) complain(io, `could not write the output: ${err.message.split('\n')[0]}`);
  };
  io.stdout.on('error', onOutputError);
  try {
    return await runCommand(argv, io);
  } finally {
    io.stdout.off('error', onOutputError);
  }
}

async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    complain(io, 'a command is required; try afterview --help');
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${overview()}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (name.startsWith('-')) {
    complain(io, `unknown option "${name.slice(0, 60)}"; try afterview --help`);
    return 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    complain(io, `unknown command "${name.slice(0, 60)}" (try: ${Object.keys(COMMANDS).join(', ')})`);
    return 2;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${command.usage.trim()}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (err) {
    return reportError(err, io);
  }
}
