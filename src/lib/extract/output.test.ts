import { describe, expect, it } from 'vitest';
import { extractReport } from './index';
import { toJson } from './output';

const FINAL = '平安县医疗保障局2022年度部门决算（金额单位：万元）\n';

describe('toJson: the JSON leaves out itemised parts of a count, which it could not tell from the count', () => {
  it.each<[sentence: string, metrics: [string, number][], parts: string[]]>([
    ['本部门共有公务用车5辆，其中：轿车2辆、越野车3辆。', [['vehicle_count', 5]], ['轿车', '越野车']],
    ['在职人员24人（行政编制8人、事业编制16人）。', [['staff_count', 24]], ['行政编制', '事业编制']],
    ['公务接待费支出0.8万元。', [['sangong_reception', 0.8]], []],
  ])('%s', (sentence, metrics, parts) => {
    const extraction = extractReport(FINAL + sentence);
    expect(toJson(extraction).figures.map((f) => [f.metric, f.value])).toEqual(metrics);
    // the drafts (and the dataset CSV) keep the parts with their item
    expect(extraction.figures.filter((f) => f.item !== '').map((f) => f.item)).toEqual(parts);
  });
});
