/**
 * Making a folder and its missing parents. Node's `mkdir(path, { recursive: true })` never returns
 * when the parent exists but refuses new entries with ENOENT (any folder under /proc): it retries
 * forever. This walks up one parent at a time and gives up with the system's error code.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function makeDirectory(path: string, mode = 0o777): Promise<void> {
  try {
    await mkdir(path, { mode });
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await stat(path)).isDirectory()) return;
      throw Object.assign(new Error(`${path} is not a folder`), { code: 'ENOTDIR' });
    }
    if (code !== 'ENOENT' || dirname(path) === path) throw err;
  }
  await makeDirectory(dirname(path), mode);
  try {
    // Once: a parent that exists yet still answers ENOENT will not change its mind.
    await mkdir(path, { mode });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}
