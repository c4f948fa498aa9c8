import { UsageError } from '../../app/errors.js';
import type { CliCommand } from '../command.js';

export const command: CliCommand = {
  name: 'fetch-feed',
  summary: 'not available yet',
  usage: 'afterview fetch-feed — not available yet',
  async run() {
    throw new UsageError('"fetch-feed" is not available yet');
  },
};
