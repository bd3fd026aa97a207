import { readFileSync } from 'node:fs';
import { extractReport } from './src/lib/extract';
const text = readFileSync('data/sources/leshan-shizhong-ybj-2022-final-accounts.txt','utf8');
const r = extractReport(text);
for (const f of r.figures) if (/接待|运行经费|软件/.test(f.quote)) console.log(`${f.metric}/${f.phase}/${f.scope}/${f.item}:${f.value}${f.unit}  «${f.quote.replace(/\s+/g,' ').slice(0,60)}»`);
