/**
 * `npx tsx scripts/second-opinion.ts` — would a small model trained on the shared labelled
 * headlines (../shared/eval, sentiment toward the entity) catch bad news the cues miss, if it could
 * veto a congratulation? A multinomial naive Bayes on words and word pairs (the entity's name
 * replaced by one token), measured by 10-fold cross-validation: every row is judged by a model that
 * never saw it. Reports, per veto threshold, what the veto would remove from the classifier's
 * congratulations: rows labelled negative (caught), positive or neutral (lost), and the "worth a
 * note" set's recall and precision with the veto. Nothing here is used by the product.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { classifyHeadline } from '../functions/domain/classifier/index.js';
import { normalizeHeadlineText } from '../functions/domain/classifier/text.js';
import { HALVES, loadWorthANote, scoreWorthANote } from './worth-a-note.js';

const Row = z.object({ id: z.union([z.string(), z.number()]), title: z.string(), entity: z.string(), label: z.enum(['positive', 'negative', 'neutral']) });
type Row = z.infer<typeof Row>;
type Label = Row['label'];
const LABELS: readonly Label[] = ['positive', 'negative', 'neutral'];
const FOLDS = 10;
const THRESHOLDS = [0.5, 0.7, 0.9];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = path.resolve(repoRoot, '../shared/eval');

function tokens(r: Row): string[] {
  const text = normalizeHeadlineText(r.title).text.toLowerCase().split(r.entity.toLowerCase()).join(' ENTITY ');
  const words = text.match(/[a-z]+|ENTITY|\d+%?/g) ?? [];
  const out = [...words];
  for (let i = 1; i < words.length; i += 1) out.push(`${words[i - 1]} ${words[i]}`);
  return out;
}

interface Model {
  prior: Record<Label, number>;
  counts: Record<Label, Map<string, number>>;
  totals: Record<Label, number>;
  vocabulary: number;
}

function train(rows: readonly Row[]): Model {
  const counts = { positive: new Map(), negative: new Map(), neutral: new Map() } as Record<Label, Map<string, number>>;
  const totals = { positive: 0, negative: 0, neutral: 0 };
  const docs = { positive: 0, negative: 0, neutral: 0 };
  const vocabulary = new Set<string>();
  for (const r of rows) {
    docs[r.label] += 1;
    for (const t of tokens(r)) {
      counts[r.label].set(t, (counts[r.label].get(t) ?? 0) + 1);
      totals[r.label] += 1;
      vocabulary.add(t);
    }
  }
  const prior = { positive: 0, negative: 0, neutral: 0 };
  for (const l of LABELS) prior[l] = Math.log((docs[l] + 1) / (rows.length + LABELS.length));
  return { prior, counts, totals, vocabulary: vocabulary.size };
}

/** P(negative | headline) under the model. */
function negativeProbability(model: Model, r: Row): number {
  const scores = LABELS.map((l) => {
    let s = model.prior[l];
    for (const t of tokens(r)) s += Math.log(((model.counts[l].get(t) ?? 0) + 1) / (model.totals[l] + model.vocabulary));
    return s;
  });
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  return exp[1]! / exp.reduce((a, b) => a + b, 0);
}

function main(): number {
  if (!existsSync(evalDir)) {
    console.log(`second-opinion: no labelled headlines at ${evalDir}; nothing to measure.`);
    return 0;
  }
  const rows: Row[] = [];
  for (const file of readdirSync(evalDir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(path.join(evalDir, file), 'utf8').split('\n')) if (line.trim()) rows.push(Row.parse(JSON.parse(line)));
  }
  // Cross-validated P(negative) for every row: folds by a fixed shuffle.
  const order = rows.map((_, i) => i);
  let seed = 12345;
  for (let i = order.length - 1; i > 0; i -= 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const pNegative = new Map<string, number>();
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const held = new Set(order.filter((_, k) => k % FOLDS === fold));
    const model = train(rows.filter((_, i) => !held.has(i)));
    for (const i of held) pNegative.set(String(rows[i]!.id), negativeProbability(model, rows[i]!));
  }
  let correct = 0;
  for (const r of rows) if ((pNegative.get(String(r.id))! >= 0.5) === (r.label === 'negative')) correct += 1;
  console.log(`naive Bayes, ${FOLDS}-fold cross-validation on ${rows.length} rows: "negative or not" right on ${((100 * correct) / rows.length).toFixed(1)}%`);

  const congratulated = rows.filter((r) => classifyHeadline({ title: r.title }, { name: r.entity }).congratulate);
  const set = loadWorthANote(path.resolve(repoRoot, 'test/data/worth-a-note'), evalDir);
  for (const t of THRESHOLDS) {
    const vetoed = congratulated.filter((r) => pNegative.get(String(r.id))! >= t);
    const by = (l: Label) => vetoed.filter((r) => r.label === l).length;
    let line = `veto at P(negative) ≥ ${t}: removes ${vetoed.length} of ${congratulated.length} congratulations — ${by('negative')} labelled negative, ${by('positive')} positive, ${by('neutral')} neutral`;
    if (set) {
      for (const half of HALVES) {
        const f = scoreWorthANote(set.rows[half], (r) => classifyHeadline({ title: r.title }, { name: r.entity }).congratulate && pNegative.get(r.id)! < t);
        line += `; ${half} recall ${(100 * f.recall).toFixed(1)}% precision ${(100 * f.precision).toFixed(1)}%`;
      }
    }
    console.log(line);
  }
  return 0;
}

process.exitCode = main();
