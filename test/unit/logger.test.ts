/**
 * The logger adapter: Powertools' JSON lines, on stdout by default (Lambda, local mode) and on
 * stderr for the command line, whose stdout carries only the command's JSON.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../functions/adapters/logger.js';

function capture(): { stdout: string[]; stderr: string[] } {
  const out = { stdout: [] as string[], stderr: [] as string[] };
  for (const name of ['stdout', 'stderr'] as const) {
    vi.spyOn(process[name], 'write').mockImplementation((chunk: string | Uint8Array) => {
      out[name].push(String(chunk));
      return true;
    });
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('createLogger', () => {
  it('on the command line writes every level to stderr as one JSON line, and nothing to stdout', () => {
    const out = capture();
    const logger = createLogger({ service: 'cli', level: 'DEBUG', toStderr: true });
    logger.debug('fetching', { feedId: 'f1' });
    logger.info('polled', { requests: 3 });
    logger.error('failed', { error: 'timeout' });
    expect(out.stdout).toEqual([]);
    const lines = out.stderr.join('').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ level: 'DEBUG', message: 'fetching', service: 'afterview-cli', feedId: 'f1' }),
      expect.objectContaining({ level: 'INFO', message: 'polled', requests: 3 }),
      expect.objectContaining({ level: 'ERROR', message: 'failed', error: 'timeout' }),
    ]);
  });

  it('keeps stderr for child loggers and respects the level', () => {
    const out = capture();
    const child = createLogger({ service: 'cli', level: 'WARN', toStderr: true }).createChild({ persistentKeys: { job: 'digest' } });
    child.info('not shown');
    child.warn('shown');
    expect(out.stdout).toEqual([]);
    expect(out.stderr.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([expect.objectContaining({ level: 'WARN', message: 'shown', job: 'digest' })]);
  });

  it('elsewhere writes info to stdout, as Powertools does', () => {
    const out = capture();
    createLogger({ service: 'local' }).info('ready', { port: 3000 });
    expect(out.stderr).toEqual([]);
    expect(JSON.parse(out.stdout.join(''))).toMatchObject({ level: 'INFO', message: 'ready', service: 'afterview-local', port: 3000 });
  });
});
