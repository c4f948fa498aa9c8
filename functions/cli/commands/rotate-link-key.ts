/**
 * `afterview rotate-link-key`: a new key signs email links from now on; the one it replaces
 * still verifies the links already sent. Local mode: the key file in the data folder. AWS: the
 * Secrets Manager secret in AFTERVIEW_LINK_KEY_SECRET (the Afterview-Data.LinkSigningKeyArn
 * output), with the caller's own AWS credentials.
 */
import { loadConfig } from '../../config/env.js';
import { linkKeysFor } from '../../wiring/local.js';
import { writeLine, type CliCommand } from '../command.js';
import { readArguments } from '../options.js';

export const command: CliCommand = {
  name: 'rotate-link-key',
  summary: 'sign email links with a new key; the previous one still verifies links already sent',
  usage: `
afterview rotate-link-key

Puts a new link-signing key in place. Links already in mailboxes keep working: the previous key
still verifies them. Rotate again only after the links in mail have run out (30 days), or links
signed two keys ago stop working. Calendar feed links do not run out: they work until the next
rotation, and then calendar apps must subscribe to the address Settings shows now.

Local mode: rotates the key file in AFTERVIEW_DATA_DIR (restart \`npm start\` to sign with it).
AWS: set AFTERVIEW_RUNTIME=aws and AFTERVIEW_LINK_KEY_SECRET to the Afterview-Data.LinkSigningKeyArn
output; functions sign with the new key after their next cold start and verify it at once.
Prints {"rotated":true,"keysThatVerify":N}.`,
  async run(args, io) {
    readArguments('rotate-link-key', args, 'afterview rotate-link-key');
    const config = loadConfig(io.env);
    const keysThatVerify = await linkKeysFor(config, 'rotate-link-key').rotate();
    await writeLine(io.stdout, JSON.stringify({ rotated: true, keysThatVerify }));
    return 0;
  },
};
