// Runs after esbuild, in the bundle's output folder (see AfterviewFunction):
//  1. copies iconv-lite's CJK code tables beside the bundle, where its lazy require() finds them;
//  2. moves esbuild's metafile out of the asset (it would ship in the zip) to <cdk.out>/bundle-meta/,
//     where `npm run bundle-sizes` reads which packages make up each bundle.
import { cpSync, mkdirSync, renameSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [projectRoot, outputDir, handler] = process.argv.slice(2);
if (!projectRoot || !outputDir || !handler) {
  console.error('usage: after-bundling.mjs <projectRoot> <outputDir> <handler>');
  process.exit(2);
}
cpSync(join(projectRoot, 'node_modules/iconv-lite/encodings/tables'), join(outputDir, 'tables'), { recursive: true });
const meta = join(outputDir, 'index.meta.json');
if (existsSync(meta)) {
  const target = join(dirname(outputDir), 'bundle-meta');
  mkdirSync(target, { recursive: true });
  renameSync(meta, join(target, `${handler}.json`));
}
