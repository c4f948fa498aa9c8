import { UsageError } from '../../app/errors.js';
import type { CliCommand } from '../command.js';

export const command: CliCommand = {
  name: 'parse-feed',
  summary: 'not available yet',
  usage: 'afterview parse-feed — not available yet',
  async run() {
    throw new UsageError('"parse-feed" is not available yet');
  },
};
