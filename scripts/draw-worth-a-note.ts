/**
 * Draws the rows of ../shared/eval for a new "worth a note" batch, reproducibly, from the rows no
 * labelled file holds yet (test/data/worth-a-note/README.md, "How the rows were chosen"):
 *
 *   npx tsx scripts/draw-worth-a-note.ts > /tmp/batch.jsonl
 *
 * prints `{"id","stratum","entity","title"}` lines in labelling order — to label by hand, never to
 * commit (titles stay in ../shared). The draw looks at the rows' ids and sentiment labels only, never
 * at what the classifier says, so the labels cannot lean on it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readLabels, seeded } from './worth-a-note.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = path.resolve(repoRoot, '../shared/eval');
const labelDir = path.resolve(repoRoot, 'test/data/worth-a-note');

/** The seed and sizes of the holdout2 draw; change the seed for another batch. */
const SEED = 1717;
const RANDOM_ROWS = 120;
/** Stratum C was labelled for its first 200 rows: 4 were worth a note, too few to go on that way. */
const POS_NEU_ROWS = 200;
/**
 * Stratum D: a title with a word of the rubric's classes of good news (written from the rubric in
 * test/data/worth-a-note/README.md, not from the classifier's cue tables). Deliberately broad: most
 * rows it draws are market moves, plans, bids and results, which is what keeps it a fair test.
 */
const EVENT_WORD =
  /\b(contracts?|orders?|mandates?|licen[cs]es?|wins?|won|bags?|bagged|secures?|secured|deals?|pacts?|agreements?|mou|alliances?|joint venture|jv|tie[- ]?ups?|ties up|partners?|partnership|collaborat\w*|acquires?|acquired|acquisitions?|buys?|bought|takeover|enters?|entry|foray\w*|launch\w*|unveil\w*|introduc\w*|rolls? out|opens?|plants?|facility|office|stores?|hires?|hiring|approv\w*|nod|clears?|clearance|permits?|ipo|listing|lists|debut\w*|subscribed|funding|raises|invest\w*|record|first|doubles?|\w+-fold|fold|turnaround|ships|deliver\w*|awards?|honou?r\w*|selected|picks?|chosen|expan\w*)\b/i;

const Row = z.object({ id: z.string(), title: z.string(), entity: z.string(), label: z.enum(['positive', 'negative', 'neutral']) });
type Row = z.infer<typeof Row>;

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The files labelled before the holdout2 draw; a later batch adds holdout2.jsonl and a new seed. */
const LABELLED_BEFORE = ['dev.jsonl', 'test.jsonl'];

const labelled = new Set(LABELLED_BEFORE.flatMap((f) => readLabels(path.join(labelDir, f)).map((r) => r.id)));
const rows: Row[] = readdirSync(evalDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) =>
    readFileSync(path.join(evalDir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => Row.parse(JSON.parse(l))),
  )
  .filter((r) => !labelled.has(r.id));

const random = seeded(SEED);
// A: a plain random sample of every row left, whatever its label (the base rate of good news).
const strata: Array<[string, Row[]]> = [];
const plain = shuffled(rows, random).slice(0, RANDOM_ROWS);
const taken = new Set(plain.map((r) => r.id));
strata.push(['random', plain]);
// B: every FiQA row left that its annotators call positive (few, and rich in company events).
strata.push(['fiqa-positive', shuffled(rows.filter((r) => r.id.startsWith('fiqa-') && r.label === 'positive' && !taken.has(r.id)), random)]);
// C: SEntFiN rows called positive or neutral (annotators call many real events neutral), in a
// fixed order, the first POS_NEU_ROWS of them.
const posNeu = shuffled(rows.filter((r) => r.id.startsWith('sentfin-') && r.label !== 'negative' && !taken.has(r.id)), random);
strata.push(['sentfin-pos-neu', posNeu.slice(0, POS_NEU_ROWS)]);
for (const r of [...strata.flatMap(([, members]) => members)]) taken.add(r.id);
// D: any row left, any label (the negative ones are traps), whose title has an event word; labelled
// from the top in batches of 50 until the whole draw holds at least 80 "yes" rows.
strata.push(['event-word', shuffled(rows.filter((r) => !taken.has(r.id) && EVENT_WORD.test(r.title)), random)]);

// Piped into `head`: a closed pipe ends the draw quietly.
process.stdout.on('error', () => process.exit(0));
for (const [stratum, members] of strata) {
  for (const r of members) console.log(JSON.stringify({ id: r.id, stratum, entity: r.entity, title: r.title }));
}
