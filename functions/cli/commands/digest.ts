import { UsageError } from '../../app/errors.js';
import type { CliCommand } from '../command.js';

export const command: CliCommand = {
  name: 'digest',
  summary: 'not available yet',
  usage: 'afterview digest — not available yet',
  async run() {
    throw new UsageError('"digest" is not available yet');
  },
};
