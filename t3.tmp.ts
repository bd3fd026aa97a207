import { LABEL_RULES } from './src/lib/extract/lexicon';
const s = ',其中上划市级医疗救助结算专用户资金292.44';
for (const r of LABEL_RULES) { for (const m of s.matchAll(r.pattern)) console.log(r.metric, r.kind, m.index, m[0]); }
