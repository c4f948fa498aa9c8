import { once } from 'node:events';
import { loadConfig } from '../../config/env.js';
import { LocalModeError } from '../../local/lock.js';
import { startLocalMode } from '../../local/local-mode.js';
import { LocalServerError } from '../../local/servers.js';
import { complain, type CliCommand } from '../command.js';
import { readArguments } from '../options.js';

export const command: CliCommand = {
  name: 'start',
  summary: 'run local mode',
  usage: `
afterview start — run the whole product on this machine (what \`npm start\` runs)

Starts a local DynamoDB-compatible server (data under AFTERVIEW_DATA_DIR, default .data/),
the SES-compatible mail catcher with its web inbox, the API, and the hourly scheduler.
Stop it with Ctrl-C.

Environment: PORT (3000), AFTERVIEW_SES_PORT (8005), AFTERVIEW_DYNAMODB_PORT (4567),
AFTERVIEW_DATA_DIR (.data), AFTERVIEW_PUBLIC_URL, AFTERVIEW_NEWS_BASE_URL,
AFTERVIEW_ALLOW_HOSTS, AFTERVIEW_SCHEDULE (on|off).`,
  async run(args, io) {
    readArguments('start', args, 'afterview start');
    const config = loadConfig(io.env);
    let running;
    try {
      running = await startLocalMode(config, io.stdout);
    } catch (err) {
      if (err instanceof LocalModeError || err instanceof LocalServerError) {
        complain(io, err.message);
        return 1;
      }
      throw err;
    }
    const signal = await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    void signal;
    io.stdout.write('\nStopping afterview…\n');
    // A second Ctrl-C while shutting down ends at once.
    process.once('SIGINT', () => process.exit(130));
    await running.stop();
    io.stdout.write('Stopped.\n');
    return 0;
  },
};
