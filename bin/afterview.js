#!/usr/bin/env node
// The `afterview` command (also `npm start`, `npm run afterview`, `npm run demo`): runs the plain
// JavaScript that `npm install` built into dist/ (bin/build.mjs), not a TypeScript compiler at
// every start. When a source changed since that build, it builds again first.
import { buildErrorLines, ensureBuilt } from './build.mjs';

try {
  await ensureBuilt();
} catch (err) {
  for (const line of buildErrorLines(err)) process.stderr.write(`afterview: the build failed: ${line}\n`);
  process.exit(1);
}
await import('../dist/bin/afterview.js');
