#!/usr/bin/env -S npx tsx
import { main } from '../functions/cli/main.js';

const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
// Long-running commands (start) keep the process alive themselves; the rest end here.
if (code !== -1) process.exitCode = code;
