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

/**
 * A message with every character a terminal would not show (controls, zero-width and direction
 * marks, line separators, a byte-order mark) written as its code point, e.g. \uFEFF: an error
 * about input must show what is wrong with it, and stay one line.
 */
export function visible(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}]/gu, (ch) => `\\u${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Writes one error line: the product's name, the message, nothing invisible. */
export function complain(io: CliIo, message: string): void {
  io.stderr.write(`afterview: ${visible(message)}\n`);
}
