import { describe, expect, it } from 'vitest';
import { containsPersonalData, findPrivateNames, redactPersonalData } from './privacy';

const M = '●';

describe('redactPersonalData', () => {
  it.each([
    ['mobile number', '联系电话： 18974113296', `联系电话： ${M.repeat(11)}`],
    ['mobile number between Chinese text', '电话13812345678请拨打', `电话${M.repeat(11)}请拨打`],
    ['two mobile numbers', '13812345678、19900001111', `${M.repeat(11)}、${M.repeat(11)}`],
    ['landline (7 digits) kept', '联系电话：3893981', '联系电话：3893981'],
    ['landline with area code kept', '0731-3893981', '0731-3893981'],
    ['12 digits are not a mobile number', '编号138123456789', '编号138123456789'],
    ['starting 12 is not a mobile number', '12812345678', '12812345678'],
    ['amounts kept', '支出2836283.89元，收入1,153.8万元', '支出2836283.89元，收入1,153.8万元'],
    ['填报人 with full-width colon and space', '填报人： 刘新文             联系电话', `填报人： ${M.repeat(3)}             联系电话`],
    ['填报人姓名', '填报人姓名：潘挚', `填报人姓名：${M.repeat(2)}`],
    ['联系人 with ASCII colon', '联系人: 潘攀', `联系人: ${M.repeat(2)}`],
    ['调查人员 and 调查对象 with underscores', '调查人员：_陈军武_调查对象：_唐国平_性    别：__男_____', `调查人员：_${M.repeat(3)}_调查对象：_${M.repeat(3)}_性    别：__男_____`],
    ['受访者', '受访者：王小明 ', `受访者：${M.repeat(3)} `],
    ['单位负责人 kept (a public official)', '单位负责人：邱华丽', '单位负责人：邱华丽'],
    ['单位负责人签字 with no name', '单位负责人签字：             填报日期：2021.9.28', '单位负责人签字：             填报日期：2021.9.28'],
  ])('%s', (_name, text, expected) => {
    const out = redactPersonalData(text);
    expect(out).toBe(expected);
    expect(out).toHaveLength(text.length);
  });

  it('masks a private name everywhere it occurs, not only after the label', () => {
    const text = '填报人： 刘新文\n……\n经办：刘新文；复核：刘新文\n单位负责人：邱华丽';
    const out = redactPersonalData(text);
    expect(out).toHaveLength(text.length);
    expect(out).not.toContain('刘新文');
    expect(out.split(M.repeat(3))).toHaveLength(4);
    expect(out).toContain('单位负责人：邱华丽');
  });

  it('keeps every offset valid (same length, unmasked text unchanged)', () => {
    const text = '一、基本情况\n填报人： 刘新文  联系电话： 18974113296\n支出合计2836283.89元';
    const out = redactPersonalData(text);
    expect(out).toHaveLength(text.length);
    const quote = '支出合计2836283.89元';
    expect(out.slice(text.indexOf(quote), text.indexOf(quote) + quote.length)).toBe(quote);
  });
});

describe('findPrivateNames', () => {
  it.each([
    ['填报人： 刘新文 联系人: 潘攀', ['刘新文', '潘攀']],
    ['调查人员：_陈军武_调查对象：_唐国平_', ['陈军武', '唐国平']],
    ['填报人：刘新文 填报人：刘新文', ['刘新文']],
    ['单位负责人：邱华丽', []],
    ['约谈机构负责人62次', []],
    ['填报人：', []],
  ])('%j → %j', (text, names) => {
    expect(findPrivateNames(text)).toEqual(names);
  });
});

describe('containsPersonalData', () => {
  it.each<[string, string[], boolean]>([
    ['联系电话： 18974113296', [], true],
    ['联系电话：3893981', [], false],
    ['经办人刘新文', ['刘新文'], true],
    ['单位负责人：邱华丽', ['刘新文'], false],
    ['支出合计2836283.89元', ['刘新文'], false],
  ])('%j with names %j → %s', (text, names, expected) => {
    expect(containsPersonalData(text, names)).toBe(expected);
  });

  it('gives the same answer when called repeatedly (no regex state carried over)', () => {
    const results = [1, 2, 3].map(() => containsPersonalData('18974113296', []));
    expect(results).toEqual([true, true, true]);
  });
});

describe('mobile numbers and names as forms really write them', () => {
  it.each([
    ['联系电话：138-1234-5678。', `联系电话：${M.repeat(13)}。`],
    ['电话 138 1234 5678', `电话 ${M.repeat(13)}`],
    ['１３８１２３４５６７８', M.repeat(11)],
    ['+8613812345678 ok', `${M.repeat(14)} ok`],
    ['填报人（签字）：张三丰 日期', '填报人（签字）：●●● 日期'],
    ['调查人员：王五、赵六、钱七\n', '调查人员：●●、●●、●●\n'],
    ['联系人：张  三\n', '联系人：●●●●\n'],
    ['经办人：周八。', '经办人：●●。'],
  ])('masks %j', (text, masked) => {
    expect(redactPersonalData(text)).toBe(masked);
  });

  it.each([
    ['调查对象：参保群众。共走访参保群众120人，参保群众满意度达98%'],
    ['座机3893981，邮编423000'],
    ['单位负责人：邱华丽'],
    ['预算执行率62.86%，差额13812345678元的说法不成立'.replace('13812345678', '1381234567')],
  ])('leaves %j as it is', (text) => {
    expect(redactPersonalData(text)).toBe(text);
  });
});
