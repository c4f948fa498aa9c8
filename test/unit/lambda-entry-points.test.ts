/**
 * Every Lambda entry point loads on its own, as its bundle does at a cold start: in a process of
 * its own, with the environment the stack gives it. (Module order matters: the API's schemas must
 * extend zod before any other schema is built, or the API function fails before its first request.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('Lambda entry points', () => {
  it.each(['api', 'poll-planner', 'poll-company', 'digest-sender', 'ses-events'])('%s loads in a fresh process', (handler) => {
    const script = `const m = await import(${JSON.stringify(join(root, 'functions/handlers', `${handler}.ts`))}); console.log(typeof m.handler);`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        AFTERVIEW_DATA_DIR: mkdtempSync(join(tmpdir(), 'afterview-entry-')),
        AFTERVIEW_POLL_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/111111111111/poll',
        LOG_LEVEL: 'SILENT',
      },
    });
    expect(run.stderr.split('\n').filter((l) => /Error/.test(l))).toEqual([]);
    expect(run.stdout.trim()).toBe('function');
  }, 60_000);
});
