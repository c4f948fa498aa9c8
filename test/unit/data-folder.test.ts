/**
 * A data folder that cannot be made fails at once with one line: Node's recursive mkdir never
 * returns for a folder under /proc (it retries the ENOENT forever), which hung `npm start`.
 */
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOrCreateOwnerOnlyFile } from '../../functions/adapters/files/owner-only-file.js';
import { LinkKeyFile } from '../../functions/adapters/link-keys/key-file.js';
import { prepareDataDir } from '../../functions/local/lock.js';

const PROC = existsSync('/proc/self');

describe('the data folder', () => {
  it.skipIf(!PROC)('refuses a folder under /proc in one line instead of hanging', async () => {
    await expect(prepareDataDir('/proc/qa')).rejects.toThrowError(
      'data folder /proc/qa is not writable (ENOENT); set AFTERVIEW_DATA_DIR to a folder you can write to',
    );
    await expect(new LinkKeyFile('/proc/qa').load()).rejects.toThrowError(
      'cannot keep the link-signing keys in /proc/qa (ENOENT); set AFTERVIEW_DATA_DIR to a folder you can write to',
    );
  }, 3_000);

  it('still makes a missing folder and its parents, and takes one that exists', async () => {
    const base = mkdtempSync(join(tmpdir(), 'afterview-data-'));
    const deep = join(base, 'a', 'b', 'c');
    expect(await prepareDataDir(deep)).toBe(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(await prepareDataDir(deep)).toBe(deep);
    expect(await readOrCreateOwnerOnlyFile(join(base, 'x', 'y', 'secret'), () => 'made\n')).toBe('made\n');
  });

  it('refuses a path that is a file, in one line', async () => {
    const base = mkdtempSync(join(tmpdir(), 'afterview-data-'));
    await readOrCreateOwnerOnlyFile(join(base, 'file'), () => 'x');
    await expect(prepareDataDir(join(base, 'file'))).rejects.toThrowError(/^data folder .*file is not writable \(ENOTDIR\); set AFTERVIEW_DATA_DIR/);
  });
});
