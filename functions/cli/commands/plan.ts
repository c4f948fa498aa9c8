import { UsageError } from '../../app/errors.js';
import type { CliCommand } from '../command.js';

export const command: CliCommand = {
  name: 'plan',
  summary: 'not available yet',
  usage: 'afterview plan — not available yet',
  async run() {
    throw new UsageError('"plan" is not available yet');
  },
};
