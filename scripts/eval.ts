/**
 * `npm run eval` — measures the headline classifier on the labelled headlines in ../shared/eval
 * (labels are sentiment toward the named entity; see that folder's README), next to a plain
 * AFINN lexicon baseline ("positive score → congratulate").
 *
 *   npm run eval                      figures per file, classifier and baseline
 *   npm run eval -- --sample 50       plus a seeded random sample of congratulated rows
 *   npm run eval -- --errors          plus every false congratulation (label negative)
 *   npm run eval -- --seed 7          another sample
 *   npm run eval -- --misses dev      plus every miss and wrong note on the dev (or test) half of
 *                                     the "worth a note" set (test/data/worth-a-note); holdout2 is
 *                                     only ever reported, never listed
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Sentiment from 'sentiment';
import { z } from 'zod';
import { classifyHeadline } from '../functions/domain/classifier/index.js';
import type { Polarity } from '../functions/domain/news.js';
import { formatNoteFigures, measureNotes } from './eval-notes.js';
import { HALVES, PARTS, loadWorthANote, scoreWorthANote, seeded, type Half, type Part, type WorthANoteRow } from './worth-a-note.js';

const EvalRow = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string(),
  entity: z.string(),
  label: z.enum(['positive', 'negative', 'neutral']),
});
type EvalRow = z.infer<typeof EvalRow>;

interface Verdict {
  polarity: Polarity;
  congratulate: boolean;
  event?: string | null;
  reasons?: string[];
}

interface Figures {
  rows: number;
  congratulated: number;
  falseCongratulationRate: number;
  ppv: number;
  coverage: number;
  macroF1: number;
  headlinesPerSecond: { median: number; best: number };
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = path.resolve(repoRoot, '../shared/eval');
const worthANoteDir = path.resolve(repoRoot, 'test/data/worth-a-note');

function readRows(file: string): EvalRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const parsed = EvalRow.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path.basename(file)} line ${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

function macroF1(rows: readonly EvalRow[], verdicts: readonly Verdict[]): number {
  const classes: Polarity[] = ['positive', 'negative', 'neutral'];
  let sum = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    rows.forEach((r, i) => {
      const predicted = verdicts[i]!.polarity;
      if (predicted === c && r.label === c) tp += 1;
      else if (predicted === c) fp += 1;
      else if (r.label === c) fn += 1;
    });
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    sum += precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return sum / classes.length;
}

/**
 * Headlines per second, single-threaded: ~150k classifications in 15 timed samples of at least
 * 10k each (a small file is looped), reported as the median sample and the best, so a busy machine
 * or a GC pause shows as noise rather than as the figure.
 */
function throughput(rows: readonly EvalRow[], judge: (r: EvalRow) => unknown): { median: number; best: number } {
  const loops = Math.max(1, Math.ceil(10_000 / rows.length));
  for (const r of rows.slice(0, 1000)) judge(r); // warm up the JIT
  const rates: number[] = [];
  for (let sample = 0; sample < 15; sample += 1) {
    const started = process.hrtime.bigint();
    for (let loop = 0; loop < loops; loop += 1) for (const r of rows) judge(r);
    rates.push((loops * rows.length) / (Number(process.hrtime.bigint() - started) / 1e9));
  }
  rates.sort((a, b) => a - b);
  return { median: rates[Math.floor(rates.length / 2)]!, best: rates[rates.length - 1]! };
}

function figures(rows: readonly EvalRow[], verdicts: readonly Verdict[], perSecond: Figures['headlinesPerSecond']): Figures {
  const congratulated = verdicts.filter((v) => v.congratulate).length;
  const falseOnes = rows.filter((r, i) => verdicts[i]!.congratulate && r.label === 'negative').length;
  const trueOnes = rows.filter((r, i) => verdicts[i]!.congratulate && r.label === 'positive').length;
  const positives = rows.filter((r) => r.label === 'positive').length;
  return {
    rows: rows.length,
    congratulated,
    falseCongratulationRate: congratulated ? falseOnes / congratulated : 0,
    ppv: congratulated ? trueOnes / congratulated : 0,
    coverage: positives ? trueOnes / positives : 0,
    macroF1: macroF1(rows, verdicts),
    headlinesPerSecond: perSecond,
  };
}

/** Rows by label (rows) and predicted polarity (columns): where the polarity errors are. */
function confusion(rows: readonly EvalRow[], verdicts: readonly Verdict[]): string {
  const classes: Polarity[] = ['positive', 'negative', 'neutral'];
  const lines = [`  ${'label \\ predicted'.padEnd(18)}${classes.map((c) => c.padStart(10)).join('')}`];
  for (const label of classes) {
    const counts = classes.map((predicted) => rows.filter((r, i) => r.label === label && verdicts[i]!.polarity === predicted).length);
    lines.push(`  ${label.padEnd(18)}${counts.map((n) => String(n).padStart(10)).join('')}`);
  }
  return lines.join('\n');
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function line(name: string, f: Figures): string {
  return [
    name.padEnd(12),
    `congratulated ${String(f.congratulated).padStart(5)}`,
    `false-congrats ${pct(f.falseCongratulationRate).padStart(6)}`,
    `PPV ${pct(f.ppv).padStart(6)}`,
    `coverage ${pct(f.coverage).padStart(6)}`,
    `polarity macro-F1 ${f.macroF1.toFixed(3)}`,
    `${Math.round(f.headlinesPerSecond.median).toLocaleString('en-US').padStart(9)} headlines/s (median of 15 samples; best ${Math.round(f.headlinesPerSecond.best).toLocaleString('en-US')})`,
  ].join('  ');
}

function main(): number {
  const { values } = parseArgs({
    options: {
      sample: { type: 'string' },
      seed: { type: 'string', default: '42' },
      errors: { type: 'boolean', default: false },
      misses: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run eval -- [--sample N] [--seed S] [--errors] [--misses dev|test]');
    return 0;
  }
  const sampleSize = values.sample === undefined ? 0 : Number(values.sample);
  const seed = Number(values.seed);
  if (!Number.isInteger(sampleSize) || sampleSize < 0 || !Number.isInteger(seed)) {
    console.error('eval: --sample and --seed take whole numbers');
    return 2;
  }
  const missesOf = values.misses;
  if (missesOf !== undefined && !(HALVES as readonly string[]).includes(missesOf)) {
    console.error('eval: --misses takes dev or test');
    return 2;
  }
  if (!existsSync(evalDir)) {
    console.log(`eval: no labelled headlines at ${evalDir}; nothing to measure.`);
    return 0;
  }
  const files = readdirSync(evalDir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  if (files.length === 0) {
    console.log(`eval: no *.jsonl files in ${evalDir}; nothing to measure.`);
    return 0;
  }

  const lexicon = new Sentiment();
  const judge = (r: EvalRow) => classifyHeadline({ title: r.title }, { name: r.entity });
  const baseline = (r: EvalRow): Verdict => {
    const score = lexicon.analyze(r.title).score;
    return { polarity: score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral', congratulate: score > 0 };
  };

  const congratulatedRows: Array<{ file: string; row: EvalRow; verdict: Verdict }> = [];
  const errors: Array<{ file: string; row: EvalRow; verdict: Verdict }> = [];
  for (const file of files) {
    const rows = readRows(path.join(evalDir, file));
    const verdicts: Verdict[] = rows.map(judge);
    const baseVerdicts = rows.map(baseline);
    const name = file.replace(/\.jsonl$/, '');
    const positives = rows.filter((r) => r.label === 'positive').length;
    const negatives = rows.filter((r) => r.label === 'negative').length;
    console.log(`\n${name}: ${rows.length} rows (${positives} positive, ${negatives} negative, ${rows.length - positives - negatives} neutral)`);
    console.log(line('  classifier', figures(rows, verdicts, throughput(rows, judge))));
    console.log(line('  baseline', figures(rows, baseVerdicts, throughput(rows, baseline))));
    console.log(formatNoteFigures(measureNotes(rows, verdicts)));
    console.log(`  classifier polarity:\n${confusion(rows, verdicts)}`);
    rows.forEach((row, i) => {
      const verdict = verdicts[i]!;
      if (!verdict.congratulate) return;
      congratulatedRows.push({ file: name, row, verdict });
      if (row.label === 'negative') errors.push({ file: name, row, verdict });
    });
  }
  console.log('\n(baseline: AFINN lexicon from the `sentiment` package, "score > 0 → congratulate")');
  reportWorthANote(missesOf as Half | undefined);

  if (values.errors) {
    console.log(`\nFalse congratulations (${errors.length}):`);
    for (const e of errors) console.log(`  [${e.file}] ${e.row.entity} | ${e.row.title} | ${e.verdict.event} | ${e.verdict.reasons?.join('; ')}`);
  }
  if (sampleSize > 0) {
    const random = seeded(seed);
    const pool = [...congratulatedRows];
    for (let i = pool.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    const sample = pool.slice(0, sampleSize);
    console.log(`\nRandom sample of ${sample.length} congratulated rows (seed ${seed}, of ${congratulatedRows.length}):`);
    sample.forEach((s, i) => console.log(`  ${String(i + 1).padStart(2)}. [${s.file}] ${s.row.entity} | ${s.row.title} | ${s.verdict.event} | label ${s.row.label}`));
  }
  return 0;
}

/**
 * Recall and precision on the hand-labelled "worth a note" set, per half, beside the figures the
 * classifier had before that work (docs/classifier.md). Unsure rows are left out of both.
 */
function reportWorthANote(missesOf: Half | undefined): void {
  const set = loadWorthANote(worthANoteDir, evalDir);
  if (!set) return;
  const verdictOf = (r: WorthANoteRow) => classifyHeadline({ title: r.title }, { name: r.entity });
  console.log('\nworth a note (test/data/worth-a-note, labelled by hand; unsure rows left out):');
  if (set.missing) console.log(`  ${set.missing} labelled ids are not in ${evalDir}; skipped`);
  for (const part of PARTS) {
    const f = scoreWorthANote(set.rows[part], (r) => verdictOf(r).congratulate);
    console.log(
      `  ${part.padEnd(8)} ${String(f.yes).padStart(4)} yes ${String(f.no).padStart(4)} no ${String(f.unsure).padStart(3)} unsure` +
        `  recall ${pct(f.recall).padStart(6)} (${f.found}/${f.yes})  precision ${pct(f.precision).padStart(6)} (${f.found}/${f.found + f.wrong})` +
        `  before: recall ${WORTH_A_NOTE_BEFORE[part].recall}, precision ${WORTH_A_NOTE_BEFORE[part].precision}`,
    );
  }
  if (!missesOf) return;
  console.log(`\n${missesOf} half: missed (labelled yes, not congratulated)`);
  for (const r of set.rows[missesOf]) {
    if (r.label !== 'yes') continue;
    const v = verdictOf(r);
    if (!v.congratulate) console.log(`  ${r.entity} | ${r.title} | ${v.event} | ${v.reasons.join('; ')}`);
  }
  console.log(`\n${missesOf} half: congratulated but labelled no`);
  for (const r of set.rows[missesOf]) {
    if (r.label !== 'no') continue;
    const v = verdictOf(r);
    if (v.congratulate) console.log(`  ${r.entity} | ${r.title} | ${v.event} | label: ${r.why ?? 'no'}`);
  }
}

/**
 * The classifier's figures on the labelled set before the second recall work (commit 95881b3;
 * before the first, 033075e: dev 59.7% / 88.5%, test 69.1% / 87.0%). holdout2 was measured once,
 * right after it was labelled and before any rule changed.
 */
const WORTH_A_NOTE_BEFORE: Record<Part, { recall: string; precision: string }> = {
  dev: { recall: '87.0%', precision: '100.0%' },
  test: { recall: '73.5%', precision: '92.6%' },
  holdout2: { recall: '75.0%', precision: '98.4%' },
};

process.exitCode = main();
