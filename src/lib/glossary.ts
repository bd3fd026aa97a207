/**
 * The glossary (名词解释): the budget words a reader meets on the site. Each entry's name and explanation are
 * UI strings (src/i18n/zh-CN.json, glossary.<id>.term / .definition); here are only the ids, in the order the
 * glossary page lists them, and the other spellings reports use for the same thing.
 */
export const GLOSSARY = [
  { id: 'budget', aliases: ['预算'] },
  { id: 'final-accounts', aliases: ['决算', '部门决算'] },
  { id: 'fiscal-appropriation', aliases: ['财政拨款'] },
  { id: 'general-budget', aliases: ['一般公共预算'] },
  { id: 'government-fund', aliases: ['政府性基金预算', '政府性基金'] },
  { id: 'basic-expenditure', aliases: ['基本支出'] },
  { id: 'personnel', aliases: ['人员经费'] },
  { id: 'public-expenditure', aliases: ['公用经费', '日常公用经费'] },
  { id: 'project-expenditure', aliases: ['项目支出'] },
  { id: 'operation', aliases: ['机关运行经费'] },
  { id: 'sangong', aliases: ['三公经费', '“三公”经费'] },
  { id: 'abroad', aliases: ['因公出国（境）费', '因公出国(境)费'] },
  { id: 'vehicle', aliases: ['公务用车购置及运行维护费', '公务用车购置费', '公务用车运行维护费'] },
  { id: 'reception', aliases: ['公务接待费'] },
  { id: 'carryover', aliases: ['结转和结余', '年初结转和结余', '上年结余结转'] },
  { id: 'budget-adjusted', aliases: ['调整后预算', '全年预算数', '全年预算数（调整后）'] },
  { id: 'executed', aliases: ['执行数', '全年执行数'] },
  { id: 'execution-rate', aliases: ['预算执行率', '执行率'] },
  { id: 'self-eval', aliases: ['绩效自评', '绩效自评得分'] },
  { id: 'procurement', aliases: ['政府采购', '政府采购支出总额'] },
] as const satisfies readonly { id: string; aliases: readonly string[] }[];

export type GlossaryId = (typeof GLOSSARY)[number]['id'];

/** The anchor of an entry on the glossary page. */
export const glossaryAnchor = (id: GlossaryId): string => `term-${id}`;

/**
 * The entry a label is about: the one with the longest spelling the label contains (公务用车购置费 is about
 * official vehicles, not about 预算), or undefined. "三公"经费合计 is about 三公经费.
 */
export function glossaryEntryFor(label: string): GlossaryId | undefined {
  let best: { id: GlossaryId; length: number } | undefined;
  for (const entry of GLOSSARY) {
    for (const alias of entry.aliases) {
      if (label.includes(alias) && alias.length > (best?.length ?? 0)) best = { id: entry.id, length: alias.length };
    }
  }
  return best?.id;
}
