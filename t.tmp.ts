import { extractReport } from './src/lib/extract';
for (const s of process.argv.slice(2)) {
  const r = extractReport('2022年度部门决算 万元\n' + s + '\n');
  console.log(s.slice(0,40), '=>', r.figures.map(f => `${f.metric}/${f.phase}/${f.scope}/${f.item}:${f.value}${f.unit}`).join('  '));
}
