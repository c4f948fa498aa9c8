/**
 * The "worth a note" labelled set (test/data/worth-a-note/): rows of ../shared/eval judged by hand
 * on "would a thoughtful candidate send a congratulations note on this?". The repo keeps only each
 * row's id and label; titles and entities are joined from ../shared/eval when it is there.
 * Used by `npm run eval` and by test/unit/classifier-worth-a-note.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** One labelled row as stored in the repo. */
export const WorthANoteLabel = z
  .object({
    id: z.string().min(1),
    label: z.enum(['yes', 'no', 'unsure']),
    why: z.string().optional(),
  })
  .strict();
export type WorthANoteLabel = z.infer<typeof WorthANoteLabel>;

/**
 * The labelled files. `dev` and `test` (the first batch's halves) may both be read while writing
 * rules; `holdout2` (a second batch, labelled before any rule was changed for it) is only ever
 * reported, never read for misses.
 */
export const PARTS = ['dev', 'test', 'holdout2'] as const;
export type Part = (typeof PARTS)[number];
/** The parts whose misses may be read while writing rules. */
export const HALVES = ['dev', 'test'] as const;
export type Half = (typeof HALVES)[number];

/** A labelled row joined with its headline from ../shared/eval. */
export interface WorthANoteRow extends WorthANoteLabel {
  title: string;
  entity: string;
}

const SharedRow = z.object({ id: z.union([z.string(), z.number()]), title: z.string(), entity: z.string() });

/** Reads one half's labels; a bad line is reported by file and line number. */
export function readLabels(file: string): WorthANoteLabel[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`${path.basename(file)} line ${i + 1}: not JSON`);
      }
      const parsed = WorthANoteLabel.safeParse(json);
      if (!parsed.success) throw new Error(`${path.basename(file)} line ${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** Every headline in ../shared/eval by id. */
export function sharedHeadlines(evalDir: string): Map<string, { title: string; entity: string }> {
  const byId = new Map<string, { title: string; entity: string }>();
  for (const file of readdirSync(evalDir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(path.join(evalDir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const parsed = SharedRow.safeParse(JSON.parse(line));
      if (parsed.success) byId.set(String(parsed.data.id), { title: parsed.data.title, entity: parsed.data.entity });
    }
  }
  return byId;
}

/** The labelled set, joined; null when ../shared/eval is absent. `missing` counts ids not found there. */
export function loadWorthANote(labelDir: string, evalDir: string): { rows: Record<Part, WorthANoteRow[]>; missing: number } | null {
  if (!existsSync(evalDir)) return null;
  const headlines = sharedHeadlines(evalDir);
  let missing = 0;
  const rows = { dev: [], test: [], holdout2: [] } as Record<Part, WorthANoteRow[]>;
  for (const part of PARTS) {
    for (const label of readLabels(path.join(labelDir, `${part}.jsonl`))) {
      const headline = headlines.get(label.id);
      if (headline) rows[part].push({ ...label, ...headline });
      else missing += 1;
    }
  }
  return { rows, missing };
}

/** Recall and precision of "congratulate" against the labels; unsure rows are left out. */
export interface WorthANoteFigures {
  yes: number;
  no: number;
  unsure: number;
  /** Yes rows congratulated. */
  found: number;
  /** No rows congratulated. */
  wrong: number;
  recall: number;
  precision: number;
}

export function scoreWorthANote(rows: readonly WorthANoteRow[], congratulate: (row: WorthANoteRow) => boolean): WorthANoteFigures {
  let yes = 0;
  let no = 0;
  let unsure = 0;
  let found = 0;
  let wrong = 0;
  for (const row of rows) {
    if (row.label === 'unsure') {
      unsure += 1;
      continue;
    }
    const flagged = congratulate(row);
    if (row.label === 'yes') {
      yes += 1;
      if (flagged) found += 1;
    } else {
      no += 1;
      if (flagged) wrong += 1;
    }
  }
  return { yes, no, unsure, found, wrong, recall: yes ? found / yes : 0, precision: found + wrong ? found / (found + wrong) : 0 };
}

/** mulberry32: a tiny seeded generator, so a sample or a draw can be made again. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
