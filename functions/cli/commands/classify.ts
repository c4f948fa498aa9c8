import { UsageError } from '../../app/errors.js';
import type { CliCommand } from '../command.js';

export const command: CliCommand = {
  name: 'classify',
  summary: 'not available yet',
  usage: 'afterview classify — not available yet',
  async run() {
    throw new UsageError('"classify" is not available yet');
  },
};
