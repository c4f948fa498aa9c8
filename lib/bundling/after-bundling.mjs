// Runs after esbuild, in the bundle's output folder (see AfterviewFunction): moves esbuild's
// metafile out of the asset (it would ship in the zip) to <cdk.out>/bundle-meta/, where
// `npm run bundle-sizes` reads which packages make up each bundle.
import { mkdirSync, renameSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [projectRoot, outputDir, handler] = process.argv.slice(2);
if (!projectRoot || !outputDir || !handler) {
  console.error('usage: after-bundling.mjs <projectRoot> <outputDir> <handler>');
  process.exit(2);
}
const meta = join(outputDir, 'index.meta.json');
if (existsSync(meta)) {
  const target = join(dirname(outputDir), 'bundle-meta');
  mkdirSync(target, { recursive: true });
  renameSync(meta, join(target, `${handler}.json`));
}
