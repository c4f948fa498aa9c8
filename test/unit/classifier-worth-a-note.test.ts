/**
 * The classifier on the hand-labelled "worth a note" set (test/data/worth-a-note): ids and labels
 * live in the repo, titles are joined from ../shared/eval, so this skips where ../shared is absent
 * (a user's fresh clone). The bars hold what the recall work measured, so a regression fails: dev
 * and test were both read while writing rules; holdout2 was labelled before the second recall work
 * and measured once at its end (docs/classifier.md, "Figures"), and is held at that figure, not at
 * a target.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyHeadline } from '../../functions/domain/classifier/index.js';
import { loadWorthANote, readLabels, scoreWorthANote } from '../../scripts/worth-a-note.js';

const LABEL_DIR = fileURLToPath(new URL('../data/worth-a-note/', import.meta.url));
const EVAL_DIR = fileURLToPath(new URL('../../../shared/eval/', import.meta.url));

const BARS = {
  dev: { recall: 0.9, precision: 0.95 },
  test: { recall: 0.865, precision: 0.95 },
  holdout2: { recall: 0.79, precision: 0.95 },
} as const;

describe('the worth-a-note labels', () => {
  it('are well-formed, unique, and split into files that do not share a row', () => {
    const dev = readLabels(`${LABEL_DIR}dev.jsonl`);
    const test = readLabels(`${LABEL_DIR}test.jsonl`);
    const holdout2 = readLabels(`${LABEL_DIR}holdout2.jsonl`);
    const ids = [...dev, ...test, ...holdout2].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dev.length + test.length).toBeGreaterThanOrEqual(400);
    for (const half of [dev, test]) expect(half.filter((r) => r.label === 'yes').length).toBeGreaterThanOrEqual(50);
    expect(holdout2.length).toBeGreaterThanOrEqual(400);
    expect(holdout2.filter((r) => r.label === 'yes').length).toBeGreaterThanOrEqual(80);
  });
});

describe.each(Object.entries(BARS))('the classifier on the %s half', (half, bars) => {
  it.skipIf(!existsSync(EVAL_DIR))(`reaches recall ≥ ${bars.recall} with precision ≥ ${bars.precision} (unsure rows left out)`, () => {
    const set = loadWorthANote(LABEL_DIR, EVAL_DIR)!;
    expect(set.missing).toBe(0);
    const f = scoreWorthANote(set.rows[half as keyof typeof BARS], (r) => classifyHeadline({ title: r.title }, { name: r.entity }).congratulate);
    expect(f.recall).toBeGreaterThanOrEqual(bars.recall);
    expect(f.precision).toBeGreaterThanOrEqual(bars.precision);
  });
});
