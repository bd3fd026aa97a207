/**
 * npm run content — data/ → content/: validates the dataset (the same checks as `npm run validate`) and,
 * only when there is no problem, writes the content collections the Astro site loads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../src/lib/dataset-files';
import { formatProblem, validateDataset } from '../src/lib/validate';
import { buildCollections } from '../src/lib/dataset';
import { datasetForBuild } from '../src/lib/partition';

const root = process.cwd();
const { problems, dataset } = validateDataset(readDataset(root));
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`content: ${problems.length} problem(s) in data/ — nothing written. Fix them and run again.`);
  process.exit(1);
}
// one province's part when scripts/build.ts builds a partition (MINGZHANG_PARTITION), else the whole dataset
const collections = buildCollections(datasetForBuild(dataset, process.env));
const out = join(root, 'content');
mkdirSync(out, { recursive: true });
for (const [name, entries] of Object.entries(collections)) {
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(entries, null, 1)}\n`);
  console.error(`content/${name}.json: ${entries.length} entries`);
}
