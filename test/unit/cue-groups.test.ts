/**
 * Every cue adds exactly one capturing group (its wrapper) to its family's regex, so a hit is
 * credited to the cue that matched. Checked here rather than at module load, where compiling
 * every cue's regex cost a third of a Lambda cold start.
 */
import { describe, expect, it } from 'vitest';
import { CUES } from '../../functions/domain/classifier/cues.js';

/** Capturing groups in a regex source: the extra entries of a match of the always-matching `source|`. */
const capturingGroups = (source: string) => new RegExp(`${source}|`).exec('')!.length - 1;

describe('cue families', () => {
  it('counts capturing groups the way the check below relies on', () => {
    expect(capturingGroups('\\b(?:wins?|won)\\b')).toBe(0);
    expect(capturingGroups('\\b(wins?|won)\\b')).toBe(1);
    expect(capturingGroups('[(]x(?=y)')).toBe(0);
  });

  it.each(Object.entries(CUES))('%s: no cue has a capturing group of its own', (_name, family) => {
    expect(family.definitions.length).toBeGreaterThan(0);
    const offending = family.definitions.filter((d) => capturingGroups(d.source) !== 0).map((d) => d.event);
    expect(offending).toEqual([]);
    // The family's regexes then have one group per cue, in order.
    expect(family.parts.reduce((n, part) => n + capturingGroups(part.regex.source), 0)).toBe(family.definitions.length);
  });
});
