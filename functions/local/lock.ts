import { open, readFile, rm, access, constants } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeDirectory } from '../wiring/data-folder.js';

/** Another local mode is running, or the data folder cannot be used: one line to show the user. */
export class LocalModeError extends Error {
  override name = 'LocalModeError';
}

interface LockInfo {
  pid: number;
  startedAt: string;
  api: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Makes sure the data folder exists and is writable, with a message that says which folder. */
export async function prepareDataDir(dataDir: string): Promise<string> {
  const dir = resolve(dataDir);
  try {
    await makeDirectory(dir);
    await access(dir, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new LocalModeError(`data folder ${dir} is not writable (${code}); set AFTERVIEW_DATA_DIR to a folder you can write to`);
  }
  return dir;
}

/**
 * Takes the data folder for this process: a second local mode on the same data would corrupt it.
 * A lock left by a process that no longer runs is taken over.
 */
export async function acquireLock(dataDir: string, api: string): Promise<() => Promise<void>> {
  const path = join(dataDir, 'afterview.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), api };
      await handle.writeFile(JSON.stringify(info));
      await handle.close();
      return async () => {
        await rm(path, { force: true });
      };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new LocalModeError(`cannot write ${path} (${code ?? 'error'}); set AFTERVIEW_DATA_DIR to a folder you can write to`);
      }
      let other: Partial<LockInfo> = {};
      try {
        other = JSON.parse(await readFile(path, 'utf8')) as Partial<LockInfo>;
      } catch {
        // unreadable lock: treat as stale
      }
      if (typeof other.pid === 'number' && other.pid !== process.pid && isAlive(other.pid)) {
        throw new LocalModeError(
          `afterview is already running on this data folder (pid ${other.pid}, API at ${other.api ?? 'unknown'}); stop it first (Ctrl-C in its terminal) or set AFTERVIEW_DATA_DIR`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new LocalModeError(`could not take the lock ${path}`);
}
