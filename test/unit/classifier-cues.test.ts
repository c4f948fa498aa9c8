import { describe, expect, it } from 'vitest';
import { CUES, scan, type CueDefinition } from '../../functions/domain/classifier/cues.js';
import { normalizeHeadlineText, prepareText } from '../../functions/domain/classifier/text.js';

/**
 * Every cue carries example headlines: each must still be found by that cue, so an edit to a word
 * list that stops a cue matching what it was written for fails here, naming the cue.
 */
const rows: Array<[label: string, example: string, family: string, definition: CueDefinition]> = [];
for (const [family, compiled] of Object.entries(CUES)) {
  compiled.definitions.forEach((definition, index) => {
    for (const example of definition.examples) rows.push([`${family} #${index} ${definition.event}/${definition.frame}`, example, family, definition]);
  });
}

describe('cue examples', () => {
  it('every cue has at least one example', () => {
    for (const compiled of Object.values(CUES)) for (const d of compiled.definitions) expect(d.examples.length, d.source.slice(0, 80)).toBeGreaterThan(0);
  });

  it.each(rows)('%s finds "%s"', (_label, example, family, definition) => {
    const lower = prepareText(normalizeHeadlineText(example).text).lower;
    const hits = scan(CUES[family as keyof typeof CUES], lower);
    expect(
      hits.some((h) => h.definition === definition),
      `found instead: ${hits.map((h) => `${h.definition.event}/${h.definition.frame} "${lower.slice(h.start, h.end)}"`).join(', ') || 'nothing'}`,
    ).toBe(true);
  });
});
