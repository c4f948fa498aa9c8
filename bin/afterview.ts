#!/usr/bin/env -S npx tsx
import { main } from '../functions/cli/main.js';

// The SDK warns on every run that Node 20 support ends in 2027; Lambda runs Node 22, and on a
// user's machine the warning is noise around the JSON the commands print.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
