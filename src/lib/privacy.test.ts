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

/** The text with `secret` (a substring written once) masked: what the masking of `text` must give. */
const masking = (text: string, secret: string) => text.replace(secret, M.repeat(secret.length));

describe('mobile numbers in every way Chinese documents write them (issue 7)', () => {
  it.each([
    ['underscores glued on both sides', '_13912345671_', '13912345671'],
    ['letters glued before', 'Tel13912345673', '13912345673'],
    ['letters glued on both sides', 'TEL:13912345673tel', '13912345673'],
    ['dots between groups', '手机：139.1234.5671', '139.1234.5671'],
    ['en-dashes', '手机：139–1234–5671', '139–1234–5671'],
    ['em-dashes', '139—1234—5671', '139—1234—5671'],
    ['double em-dashes', '139——1234——5671', '139——1234——5671'],
    ['underscores between groups', '139_1234_5671', '139_1234_5671'],
    ['spaces between groups', '电话 139 1234 5671', '139 1234 5671'],
    ['ideographic spaces and full-width digits', '１３９　１２３４　５６７１', '１３９　１２３４　５６７１'],
    ['full-width dashes', '１３９－１２３４－５６７１', '１３９－１２３４－５６７１'],
    ['spaced around the dash', '139 - 1234 - 5671', '139 - 1234 - 5671'],
    ['slashes', '139/1234/5671', '139/1234/5671'],
    ['middle dots', '139·1234·5671', '139·1234·5671'],
    ['first group in brackets', '(139)1234-5671', '139)1234-5671'],
    ['in square brackets', '【13912345671】', '13912345671'],
    ['3-8', '139 12345671', '139 12345671'],
    ['7-4', '1391234 5671', '1391234 5671'],
    ['4-3-4', '1391-234-5671', '1391-234-5671'],
    ['one digit at a time', '1 3 9 1 2 3 4 5 6 7 1', '1 3 9 1 2 3 4 5 6 7 1'],
    ['+86 and spaces', '+86 139 1234 5671', '+86 139 1234 5671'],
    ['+86 in brackets', '(+86)139-1234-5671', '(+86)139-1234-5671'],
    ['full-width +86 in full-width brackets', '（＋８６）１３９－１２３４－５６７１', '（＋８６）１３９－１２３４－５６７１'],
    ['0086 and a dash', '0086-13912345671', '0086-13912345671'],
    ['86 glued', '8613912345671', '8613912345671'],
    ['+86 and a dash', '+86-13912345671', '+86-13912345671'],
    ['between Chinese words', '手机13912345671电话', '13912345671'],
    ['followed by a year', '139 1234 5671 2022年', '139 1234 5671'],
  ])('%s: %j', (_name, text, secret) => {
    const out = redactPersonalData(text);
    expect(out).toBe(masking(text, secret));
    expect(out).toHaveLength(text.length);
    expect(containsPersonalData(text, [])).toBe(true);
  });

  it('masks every number of a list written with a full-width slash', () => {
    expect(redactPersonalData('手机：13912345671／13812345678')).toBe(`手机：${M.repeat(11)}／${M.repeat(11)}`);
  });
});

describe('ID-card numbers', () => {
  it.each([
    ['with an X check', '身份证号：43012119900307123X', '43012119900307123X'],
    ['with a lower-case x', '身份证号码 43012119900307123x。', '43012119900307123x'],
    ['grouped 6-8-4', '身份证 430121 19900307 1234', '430121 19900307 1234'],
    ['all digits, born in 2005', '110101200512319999', '110101200512319999'],
    ['full-width digits and X', '４３０１２１１９９００３０７１２３Ｘ', '４３０１２１１９９００３０７１２３Ｘ'],
  ])('%s: %j', (_name, text, secret) => {
    expect(redactPersonalData(text)).toBe(masking(text, secret));
  });
});

describe('landlines belong to a private person only next to one', () => {
  it.each([
    ['on the line of a private name', '联系人：王小明 电话：0731-12345678', `联系人：${M.repeat(3)} 电话：${M.repeat(13)}`],
    ['on the phone line below a private name', '联系人：王小明\n\n联系电话：(0731)1234567', `联系人：${M.repeat(3)}\n\n联系电话：${M.repeat(13)}`],
    ['in a table row', '| 填表人 | 王小明 | 电话 | 0731 12345678 |', `| 填表人 | ${M.repeat(3)} | 电话 | ${M.repeat(13)} |`],
  ])('masked %s', (_name, text, expected) => {
    expect(redactPersonalData(text)).toBe(expected);
  });

  it.each([
    ['an office as the contact', '联系人：办公室\n联系电话：0731-12345678'],
    ['a unit contact block', '单位名称：某某县医疗保障局\n联系电话：0731-12345678'],
    ['an official named in role', '单位负责人：邱华丽  联系电话：0731-12345678'],
    ['a landline without area code', '填报人姓名：潘挚\n\n联系电话：3893981'.replace('潘挚', '')],
  ])('kept: %s', (_name, text) => {
    expect(redactPersonalData(text)).toBe(text);
  });
});

describe('names after the labels that introduce private people (issue 7)', () => {
  it.each([
    ['填表人：王小明', '王小明'],
    ['填表人王小明', '王小明'],
    ['姓名：王小明  性别：男', '王小明'],
    ['姓名：王小明性别：男', '王小明'],
    ['| 姓名 | 王小明 | 性别 | 男 |', '王小明'],
    ['姓名\t王小明\t性别\t男', '王小明'],
    ['姓名\n王小明\n性别\n男', '王小明'],
    ['审核人：王小明', '王小明'],
    ['受访人：王小明', '王小明'],
    ['调查对象：王小明', '王小明'],
    ['被调查人：王小明 ', '王小明'],
    ['签名：王小明', '王小明'],
    ['签字：王小明', '王小明'],
    ['经办人：王小明', '王小明'],
    ['复核人：王小明。', '王小明'],
    ['联系人姓名：王小明', '王小明'],
    ['受访者：买买提·艾力，', '买买提·艾力'],
    ['受访人：王小明先生', '王小明'],
    ['受访人：王小明 男 45岁', '王小明'],
    ['受访人：王小明 联合计：系电话', '王小明'],
    ['联系人：财务科 王小明', '王小明'],
    ['联系人：县医保局办公室王小明，电话', '王小明'],
  ])('%j', (text, name) => {
    expect(findPrivateNames(text)).toEqual([name]);
    expect(redactPersonalData(text)).toBe(masking(text, name));
  });

  it.each([
    ['a bar table', '| 序号 | 姓名 | 性别 | 联系电话 |\n|---|---|---|---|\n| 1 | 王小明 | 男 | 0731-12345678 |\n| 2 | 李 四 | 女 | 13912345671 |\n', ['王小明', '李 四']],
    ['a tab table with blank lines between rows', '受访人\t满意度\n\n王小明\t满意\n\n赵晓燕\t基本满意\n说明：', ['王小明', '赵晓燕']],
    ['a column of groups', '| 调查对象 | 人数 |\n| 参保群众 | 120 |\n| 定点医院 | 6 |', []],
  ])('names in the column under a name header: %s', (_name, text, names) => {
    expect(findPrivateNames(text)).toEqual(names);
    const out = redactPersonalData(text);
    for (const name of names) expect(out).not.toContain(name);
    expect(out).not.toContain('0731-12345678');
  });

  it('masks every later occurrence, so searching the name finds nothing', () => {
    const text = '调查表\n姓名：王小明  性别：男\n……\n王小明表示对报销服务满意。';
    const out = redactPersonalData(text);
    expect(out).not.toContain('王小明');
    expect(out).toHaveLength(text.length);
  });

  it('masks the name written without the spaces a conversion put into it', () => {
    expect(redactPersonalData('姓名：王 小 明\n王小明')).toBe(`姓名：${M.repeat(5)}\n${M.repeat(3)}`);
  });

  it.each([
    ['单位负责人签字：王局长'],
    ['单位负责人（签字）：邱华丽'],
    ['单位负责人\n签名:\n\n邱华丽'],
    ['项目负责人:查小兵 | 财务负责人:唐勇'],
    ['局长：张三'],
    ['联系人：财务科'],
    ['联系人：办公室'],
    ['审核人：主管会计'],
    ['经办人：出纳'],
    ['联系人：张科长'],
    ['调查对象：参保群众'],
    ['调查对象为参保群众'],
    ['签字确认。'],
    ['领导审核签字后由财政所将补助款发放'],
    ['审核人员对项目进行审核'],
    ['受访人数120人'],
    ['加强联系人民群众'],
    ['姓名\n性别\n年龄'],
  ])('officials, offices, groups and prose stay: %j', (text) => {
    expect(redactPersonalData(text)).toBe(text);
  });
});

describe('numbers that are not personal data stay', () => {
  it.each([
    ['an amount in 元 with cents', '支出合计139123456.78元'],
    ['eleven digits continued by a decimal point', '收入13912345678.00元'],
    ['an amount with thousands separators', '13,912,345,671元'],
    ['an amount in 万元', '139.12万元'],
    ['a functional classification code', '2080101 行政运行'],
    ['a date', '20210101'],
    ['a 12-digit document number', '编号138123456789'],
    ['decimals in a table row', '1.35 12.34 56.78'],
    ['integers in a table row', '支出 1391 2345 678'],
    ['a grouped bank account', '6222 0213 9123 4567 890'],
    ['a 20-digit run', '账号62220213912345678901'],
    ['a document number', '湘财预〔2021〕139号'],
    ['a credit code with letters', '91430100MA4L123456'],
    ['an 18-digit code without a birth date', '914301001391234567'],
    ['a year range', '2021-2023年'],
  ])('%s: %j', (_name, text) => {
    expect(redactPersonalData(text)).toBe(text);
    expect(containsPersonalData(text, [])).toBe(false);
  });
});
