import { once } from 'node:events';
import { loadConfig } from '../../config/env.js';
import { LocalModeError } from '../../local/lock.js';
import { startDemo } from '../../local/demo/run-demo.js';
import { LocalServerError } from '../../local/servers.js';
import { complain, type CliCommand } from '../command.js';
import { readArguments } from '../options.js';

export const command: CliCommand = {
  name: 'demo',
  summary: 'run local mode with sample data',
  usage: `
afterview demo — local mode with sample data (what \`npm run demo\` runs)

Starts what \`npm start\` starts, plus a small offline news feed server with invented news;
seeds a demo subscriber (demo@afterview.example) with five companies and interviews at
different stages, runs one news poll and one digest at once, and prints where to look: the
inbox with a congratulations alert and the digest, a one-click sign-in link to the web app,
and the demo's API token. Running it again adds nothing twice. Works with no network.
Stop it with Ctrl-C.

Environment: as \`afterview start\` (PORT, AFTERVIEW_SES_PORT, AFTERVIEW_DYNAMODB_PORT,
AFTERVIEW_DATA_DIR, AFTERVIEW_PUBLIC_URL, AFTERVIEW_SCHEDULE, LOG_LEVEL — WARN unless set).`,
  async run(args, io) {
    // From when this process started, so the "ready in" figure includes loading the code.
    const startedAt = Math.round(performance.timeOrigin);
    readArguments('demo', args, 'afterview demo');
    // Progress lines are the demo's output; routine logs would bury them.
    const config = loadConfig({ LOG_LEVEL: 'WARN', ...io.env });
    let running;
    try {
      running = await startDemo(config, io.stdout, startedAt);
    } catch (err) {
      if (err instanceof LocalModeError || err instanceof LocalServerError) {
        complain(io, err.message);
        return 1;
      }
      throw err;
    }
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    io.stdout.write('\nStopping afterview…\n');
    process.once('SIGINT', () => process.exit(130));
    await running.stop();
    io.stdout.write('Stopped.\n');
    return 0;
  },
};
