/**
 * Small secret files in local mode's data folder (the link-signing keys, the demo's API token):
 * readable and writable by their owner only (0600), created atomically on first use so two
 * processes starting at once agree on one value.
 */
import { randomUUID } from 'node:crypto';
import { chmod, link, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeDirectory } from './directory.js';

const OWNER_ONLY = 0o600;

/** Read-write for the owner, nothing for anyone else (on systems with POSIX permissions). */
export async function ensureOwnerOnly(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await stat(path);
  if ((mode & 0o777) !== OWNER_ONLY) await chmod(path, OWNER_ONLY);
}

/**
 * The file's text; when the file does not exist, `create()` is written to it first. The new file
 * is written whole under a temporary name and then linked into place, which fails if another
 * process got there first — then that process's file is read instead.
 */
export async function readOrCreateOwnerOnlyFile(path: string, create: () => string): Promise<string> {
  try {
    const text = await readFile(path, 'utf8');
    await ensureOwnerOnly(path);
    return text;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await makeDirectory(dirname(path), 0o700);
  const temporary = join(dirname(path), `.${randomUUID()}.tmp`);
  await writeFile(temporary, create(), { mode: OWNER_ONLY, flag: 'wx' });
  try {
    await link(temporary, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    await unlink(temporary);
  }
  return readFile(path, 'utf8');
}

/** Replaces the file's text (written aside, then renamed over it, so readers never see half a file). */
export async function replaceOwnerOnlyFile(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${randomUUID()}.tmp`);
  await writeFile(temporary, text, { mode: OWNER_ONLY, flag: 'wx' });
  await rename(temporary, path);
}
