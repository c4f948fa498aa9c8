/**
 * `afterview parse-feed <file>` (`-` = stdin): RSS 0.9x/1.0/2.0 or Atom bytes → the normalized
 * items as one JSON document (CONTRACTS.md §1). Not a readable feed: exit 2 with one line.
 */
import { readFile, stat } from 'node:fs/promises';
import { UsageError, ValidationError } from '../../app/errors.js';
import { decodeFeedBytes } from '../../domain/feed/charset.js';
import { FEED_MAX_BYTES } from '../../domain/feed/limits.js';
import { FeedParseError, parseFeed } from '../../domain/feed/parse-feed.js';
import { writeLine, type CliCommand } from '../command.js';
import { readArguments } from '../options.js';

/** Local files may be larger than what the fetcher accepts from the network, within reason. */
const MAX_FILE_BYTES = 4 * FEED_MAX_BYTES;

const USAGE = `
Usage: afterview parse-feed <file>     (use - to read stdin)

Parses an RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 feed and prints
{"title","items":[{"title","link","publisher","publishedAt","guid","summary"}]}.
The charset comes from a byte-order mark or the XML declaration (UTF-8 otherwise).
Exit 2 when the file cannot be read or is not a feed.
`;

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_FILE_BYTES) throw new ValidationError(`stdin: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; not a feed`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function readFeedFile(path: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ValidationError(`${path}: is a directory, not a feed file`);
    if (info.size > MAX_FILE_BYTES) throw new ValidationError(`${path}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; not a feed`);
    return await readFile(path);
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'cannot read it');
    throw new ValidationError(`${path}: ${why}`);
  }
}

export const command: CliCommand = {
  name: 'parse-feed',
  summary: 'parse an RSS/Atom file (- for stdin) into news items',
  usage: USAGE,
  async run(args, io) {
    const { argument: path } = readArguments('parse-feed', args, 'afterview parse-feed <file>, - for stdin', { argument: true });
    if (!path) throw new UsageError('parse-feed: a file is required (usage: afterview parse-feed <file>, - for stdin)');
    const bytes = path === '-' ? await readStdin(io.stdin) : await readFeedFile(path);
    try {
      const feed = await parseFeed(decodeFeedBytes(bytes).text);
      await writeLine(io.stdout, JSON.stringify(feed));
      return 0;
    } catch (err) {
      if (err instanceof FeedParseError) throw new ValidationError(`${path === '-' ? 'stdin' : path}: ${err.message}`);
      throw err;
    }
  },
};
