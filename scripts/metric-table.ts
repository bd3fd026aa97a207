/** Prints the metric vocabulary as a Markdown table (for the README): npx tsx scripts/metric-table.ts */
import { METRICS, METRIC_KEYS, UNITS } from '../src/schemas/vocabulary';

console.log('| key | 名称 | meaning | units |');
console.log('|---|---|---|---|');
for (const key of METRIC_KEYS) {
  const m = METRICS[key];
  const units = Object.entries(UNITS).filter(([, kind]) => (m.measures as readonly string[]).includes(kind)).map(([u]) => u);
  console.log(`| \`${key}\` | ${m.label} | ${m.doc} | ${units.join(' ')} |`);
}
