import type { Readable, Writable } from 'node:stream';

/** Where a command reads and writes: the process's streams, or test buffers. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

/** One `afterview <name>` command. Its `run` returns the exit code; errors are mapped in one place. */
export interface CliCommand {
  name: string;
  summary: string;
  /** Shown by `afterview <name> --help`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Writes a line to a stream and waits until it is flushed (stdout may be a pipe). */
export function writeLine(stream: Writable, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stream.write(`${line}\n`, (err) => (err ? reject(err) : undefined));
    if (ok) resolve();
    else stream.once('drain', resolve);
  });
}
