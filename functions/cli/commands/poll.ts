import { UsageError } from '../../app/errors.js';
import type { CliCommand } from '../command.js';

export const command: CliCommand = {
  name: 'poll',
  summary: 'not available yet',
  usage: 'afterview poll — not available yet',
  async run() {
    throw new UsageError('"poll" is not available yet');
  },
};
