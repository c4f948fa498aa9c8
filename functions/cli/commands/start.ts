import { UsageError } from '../../app/errors.js';
import type { CliCommand } from '../command.js';

export const command: CliCommand = {
  name: 'start',
  summary: 'not available yet',
  usage: 'afterview start — not available yet',
  async run() {
    throw new UsageError('"start" is not available yet');
  },
};
