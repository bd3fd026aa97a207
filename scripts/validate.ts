/**
 * npm run validate — checks every data file against the schemas and the sources and prints every problem
 * at once (file:line [field] message). Exits 1 when there is any.
 */
import { readDataset } from '../src/lib/dataset-files';
import { formatProblem, validateDataset } from '../src/lib/validate';

const root = process.argv[2] ?? process.cwd();
const { problems, dataset } = validateDataset(readDataset(root));
for (const p of problems) console.error(formatProblem(p));
console.error(
  `${problems.length} problem(s) in ${dataset.units.length} units, ${dataset.reports.length} reports, ` +
    `${dataset.figures.length} figures, ${dataset.indicators.length} indicators`,
);
process.exit(problems.length > 0 ? 1 : 0);
