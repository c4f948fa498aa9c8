// Builds the command line's plain JavaScript: every .ts under functions/ and the entry
// bin/afterview.ts, transpiled file by file (no bundling, no type check) into dist/ with the same
// folder layout, so the relative `.js` imports of the sources resolve unchanged and packages come
// from node_modules; the other files under functions/ (JSON data, say) are copied beside them. Types are checked by `npm run typecheck`, not here: the build must stay fast
// enough to run again whenever a source changed.
//
//   node bin/build.mjs      (npm run build; also npm install/ci through "prepare")
//
// bin/afterview.js calls ensureBuilt() before every run: when a source was added, removed or
// edited since the last build (a fingerprint of paths and modification times), it builds again
// first (a few hundred milliseconds), so a stale build is never run.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the build goes (gitignored). */
export const OUT_DIR = 'dist';
/** What the command line runs: these folders' sources (whatever is in them) and these entry files. */
const SOURCE_DIRS = ['functions'];
const ENTRY_FILES = ['bin/afterview.ts'];
const STAMP = '.build.json';

const isSource = (name) => name.endsWith('.ts') && !name.endsWith('.d.ts');

/**
 * Every source and every other file to copy (relative paths), and a fingerprint of the tree:
 * paths, file and folder times.
 */
export function sourceTree(root = REPO_ROOT) {
  const files = [];
  const assets = [];
  const stamps = [];
  const walk = (dir) => {
    // A folder's time changes when an entry is added, removed or renamed in it.
    stamps.push(`${relative(root, dir)}@${statSync(dir).mtimeMs}`);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.endsWith('.d.ts')) {
        (isSource(entry.name) ? files : assets).push(relative(root, path));
        stamps.push(`${relative(root, path)}@${statSync(path).mtimeMs}`);
      }
    }
  };
  for (const dir of SOURCE_DIRS) walk(join(root, dir));
  for (const file of ENTRY_FILES) {
    files.push(file);
    stamps.push(`${file}@${statSync(join(root, file)).mtimeMs}`);
  }
  return { files, assets, fingerprint: stamps.join('\n') };
}

function readStamp(root) {
  try {
    return JSON.parse(readFileSync(join(root, OUT_DIR, STAMP), 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when dist/ is missing or was built from other sources than the ones on disk now. */
export function isStale(root = REPO_ROOT) {
  return readStamp(root)?.fingerprint !== sourceTree(root).fingerprint;
}

/**
 * Transpiles every source into dist/ and removes outputs whose source is gone. Each file is
 * written beside its target and renamed over it, so a command started during a rebuild reads
 * whole files, never half-written ones.
 */
export async function build(root = REPO_ROOT) {
  const { transform } = await import('esbuild');
  const tree = sourceTree(root);
  const out = join(root, OUT_DIR);
  const expected = new Set([STAMP]);
  const write = (path, text) => {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  };
  await Promise.all(
    tree.files.map(async (file) => {
      const source = readFileSync(join(root, file), 'utf8');
      const target = file.replace(/\.ts$/, '.js');
      const result = await transform(source, {
        loader: 'ts',
        format: 'esm',
        platform: 'node',
        // The Node that will run it (the entry builds on demand): its syntax, JSON import attributes included.
        target: `node${process.versions.node}`,
        // Named as in the repository, so an error message points at the file to fix.
        sourcefile: file,
        sourcemap: 'external',
      });
      const map = JSON.parse(result.map);
      map.sources = [relative(join(out, dirname(target)), join(root, file))];
      write(join(out, target), `${result.code}//# sourceMappingURL=${basename(target)}.map\n`);
      write(join(out, `${target}.map`), JSON.stringify(map));
      expected.add(target).add(`${target}.map`);
    }),
  );
  for (const asset of tree.assets) {
    write(join(out, asset), readFileSync(join(root, asset)));
    expected.add(asset);
  }
  for (const stale of outputsUnder(out)) if (!expected.has(stale)) rmSync(join(out, stale), { force: true });
  write(join(out, STAMP), JSON.stringify({ fingerprint: tree.fingerprint }));
  return tree.files.length;
}

function outputsUnder(out, dir = out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? outputsUnder(out, join(dir, e.name)) : [relative(out, join(dir, e.name))]));
}

/** Errors that mean the build folder cannot be written, not that the sources are wrong. */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Builds when stale; true when it built. A package installed where its user may not write (a
 * global install by another user, a read-only file system) keeps the build it was packed with:
 * unpacking gives every file the same time, so it looks stale but is not, and it runs as it is.
 */
export async function ensureBuilt(root = REPO_ROOT, builder = build) {
  if (!isStale(root)) return false;
  try {
    await builder(root);
    return true;
  } catch (err) {
    if (UNWRITABLE.has(err?.code) && existsSync(join(root, OUT_DIR, 'bin/afterview.js'))) return false;
    throw err;
  }
}

/** A failed build as lines to print: esbuild's messages with the file and place to fix. */
export function buildErrorLines(err) {
  const errors = err && Array.isArray(err.errors) && err.errors.length > 0 ? err.errors : [{ text: err instanceof Error ? err.message : String(err) }];
  return errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  const count = await build();
  console.log(`built ${count} files into ${OUT_DIR}/ in ${Math.round(performance.now() - started)} ms`);
}
