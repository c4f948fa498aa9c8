/**
 * The command line's build (bin/build.mjs): npm install builds plain JavaScript once, and the
 * entry rebuilds before running whenever a source was edited, added or removed since — a stale
 * build never runs. Exercised on a small source tree of its own in a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, buildErrorLines, ensureBuilt, isStale } from '../../bin/build.mjs';

let root: string;

function write(path: string, text: string, mtime?: Date): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  if (mtime) utimesSync(file, mtime, mtime);
}

/** Runs the built entry as the launcher does and returns what it prints. */
const runBuilt = () => execFileSync(process.execPath, [join(root, 'dist/bin/afterview.js')], { encoding: 'utf8' }).trim();

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'afterview-build-'));
  write('bin/afterview.ts', "import { greeting } from '../functions/cli/greeting.js';\nconsole.log(greeting());\n");
  write('functions/cli/greeting.ts', "import type { Tone } from './tone.js';\nconst tone: Tone = 'calm';\nexport const greeting = (): string => `hello (${tone})`;\n");
  write('functions/cli/tone.ts', "export type Tone = 'calm' | 'loud';\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the command line build', () => {
  it('is missing before the first build, and the build runs without TypeScript', async () => {
    expect(isStale(root)).toBe(true);
    expect(await build(root)).toBe(3);
    expect(isStale(root)).toBe(false);
    expect(runBuilt()).toBe('hello (calm)');
    expect(readFileSync(join(root, 'dist/functions/cli/greeting.js'), 'utf8')).not.toContain(': Tone');
  });

  it('keeps what plain Node needs to run the sources: JSON files beside them, import attributes', async () => {
    write('functions/cli/tone.json', '{ "default": "bright" }\n');
    write('functions/cli/greeting.ts', "import tone from './tone.json' with { type: 'json' };\nexport const greeting = (): string => `hello (${tone.default})`;\n");
    await build(root);
    expect(runBuilt()).toBe('hello (bright)');
    write('functions/cli/tone.json', '{ "default": "dim" }\n', new Date(Date.now() + 60_000));
    expect(await ensureBuilt(root)).toBe(true);
    expect(runBuilt()).toBe('hello (dim)');
  });

  it('rebuilds after a source is edited, and not otherwise', async () => {
    await build(root);
    expect(await ensureBuilt(root)).toBe(false);
    write('functions/cli/greeting.ts', "export const greeting = (): string => 'edited';\n", new Date(Date.now() + 60_000));
    expect(isStale(root)).toBe(true);
    expect(await ensureBuilt(root)).toBe(true);
    expect(runBuilt()).toBe('edited');
  });

  it('notices an edit that leaves the file with an older time (a checkout of another branch)', async () => {
    await build(root);
    write('functions/cli/greeting.ts', "export const greeting = (): string => 'older';\n", new Date('2001-01-01T00:00:00Z'));
    expect(await ensureBuilt(root)).toBe(true);
    expect(runBuilt()).toBe('older');
  });

  it('picks up a new source in any folder, and drops the output of a removed one', async () => {
    await build(root);
    write('functions/news/brand-new.ts', 'export const added = 1;\n');
    expect(isStale(root)).toBe(true);
    await ensureBuilt(root);
    expect(existsSync(join(root, 'dist/functions/news/brand-new.js'))).toBe(true);

    rmSync(join(root, 'functions/news/brand-new.ts'));
    expect(isStale(root)).toBe(true);
    await ensureBuilt(root);
    expect(existsSync(join(root, 'dist/functions/news/brand-new.js'))).toBe(false);
    expect(runBuilt()).toBe('hello (calm)');
  });

  it('runs the build it has where it may not write one (an installed package), and says so otherwise', async () => {
    await build(root);
    write('functions/cli/greeting.ts', "export const greeting = (): string => 'unpacked';\n", new Date('1985-10-26T08:15:00Z'));
    const unwritable = async () => {
      throw Object.assign(new Error("EACCES: permission denied, open 'dist/bin/afterview.js'"), { code: 'EACCES' });
    };
    expect(await ensureBuilt(root, unwritable)).toBe(false);
    expect(runBuilt()).toBe('hello (calm)');
    rmSync(join(root, 'dist'), { recursive: true });
    await expect(ensureBuilt(root, unwritable)).rejects.toThrow(/EACCES/);
  });

  it('leaves type declarations out and fails on a syntax error with the file and place to fix', async () => {
    write('functions/local/types/vendor.d.ts', "declare module 'nothing-real';\n");
    write('functions/cli/greeting.ts', 'export const greeting = () => ;\n');
    const failure = await ensureBuilt(root).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeDefined();
    expect(buildErrorLines(failure)).toEqual([expect.stringMatching(/^functions\/cli\/greeting\.ts:1:\d+: Unexpected ";"/)]);
    expect(isStale(root)).toBe(true);
  });
});
