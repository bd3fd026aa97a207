import { describe, expect, it } from 'vitest';
import { readHtml, readHtmlBytes } from './html';
import type { ReadDocument } from './types';

/** A page as saved from a 政务公开 site: menus, breadcrumbs, scripts, a share bar around the article. */
const SAVED_PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>某区财政局2024年度部门决算</title>
<style>.nav{color:red}</style><script>var tracker = "不应出现的脚本文字";</script></head>
<body>
<div class="top-nav"><a href="/">首页</a><a href="/zwgk">政务公开</a></div>
<nav><ul><li>机构概况</li><li>政策文件</li></ul></nav>
<div class="breadcrumb">当前位置：首页 &gt; 财政预决算</div>
<article>
  <header><h1>某区财政局2024年度部门决算</h1></header>
  <p>一、收入支出决算总体情况说明</p>
  <p>本年收入合计2,946.25万元，<br>本年支出合计2,940.05万元。</p>
  <p style="text-align:center">收入支出决算总表</p>
  <p style="text-align:right">单位：万元</p>
  <table border="1">
    <tr><th colspan="2">收入</th><th colspan="2">支出</th></tr>
    <tr><th>项目</th><th>决算数</th><th>项目</th><th>决算数</th></tr>
    <tr><td>一、一般公共预算财政拨款收入</td><td>2,940.05</td><td>一、一般公共服务支出</td><td>2,106.66</td></tr>
    <tr><td>二、其他收入</td><td>6.20</td><td>二、社会保障和<br>就业支出</td><td>326.71</td></tr>
    <tr><td>本年收入合计</td><td>2,946.25</td><td>本年支出合计</td><td>2,940.05</td></tr>
  </table>
  <p>注：本表金额保留两位小数。</p>
</article>
<div class="share-bar">分享到：微信 微博</div>
<footer>主办单位：某区人民政府办公室 | 备案号</footer>
<script>document.write("广告")</script>
</body></html>`;

function read(html: string): ReadDocument {
  const result = readHtml(html);
  if (!result.ok) throw new Error(result.error);
  return result.doc;
}

describe('HTML pages as saved from a government site', () => {
  const doc = read(SAVED_PAGE);

  it('keeps the article as lines and its table as pipe rows, one table per block, under the title and unit (a spanning heading once)', () => {
    expect(doc.text).toBe(
      [
        '某区财政局2024年度部门决算',
        '一、收入支出决算总体情况说明',
        '本年收入合计2,946.25万元，',
        '本年支出合计2,940.05万元。',
        '收入支出决算总表',
        '单位：万元',
        '| 收入 |  |',
        '| 项目 | 决算数 |',
        '| 一、一般公共预算财政拨款收入 | 2,940.05 |',
        '| 二、其他收入 | 6.20 |',
        '| 本年收入合计 | 2,946.25 |',
        '',
        '| 支出 |  |',
        '| 项目 | 决算数 |',
        '| 一、一般公共服务支出 | 2,106.66 |',
        '| 二、社会保障和 就业支出 | 326.71 |',
        '| 本年支出合计 | 2,940.05 |',
        '注：本表金额保留两位小数。',
        '',
      ].join('\n'),
    );
    expect(doc.format).toBe('html');
    expect(doc.pages).toBeUndefined();
    expect(doc.tables.map((t) => [t.title, t.unit])).toEqual([
      ['收入支出决算总表', '万元'],
      ['收入支出决算总表', '万元'],
    ]);
  });

  it.each(['首页', '机构概况', '当前位置', '分享到', '主办单位', 'tracker', '广告', 'color:red'])('drops site chrome and scripts: no "%s"', (chrome) => {
    expect(doc.text).not.toContain(chrome);
  });

  it('spanned cells leave the slots they cover empty', () => {
    const spanned = read('<table><tr><td rowspan="2">一般公共服务支出</td><td>行政运行</td><td>1,511.89</td></tr><tr><td>信息化建设</td><td>135.25</td></tr></table>');
    expect(spanned.tables[0]?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['一般公共服务支出', '行政运行', '1,511.89'],
      ['', '信息化建设', '135.25'],
    ]);
  });

  it('a table that holds tables is page layout: its inner table is the data table', () => {
    const layout = read('<table><tr><td><p>说明文字。</p><table><tr><td>项目</td><td>金额</td></tr><tr><td>办公费</td><td>21.21</td></tr></table></td></tr></table>');
    expect(layout.text).toBe('说明文字。\n| 项目 | 金额 |\n| 办公费 | 21.21 |\n');
  });

  it('reads a page saved in GBK by the charset it declares', () => {
    const head = new TextEncoder().encode('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><p>');
    const gbk = Uint8Array.from(Buffer.from('b2bfc3c5bef6cbe3', 'hex')); // 部门决算
    const tail = new TextEncoder().encode('</p></body></html>');
    const result = readHtmlBytes(Uint8Array.from([...head, ...gbk, ...tail]));
    expect(result.ok && result.doc.text).toBe('部门决算\n');
  });

  it('a page of nothing but navigation is an error, not an empty report', () => {
    const result = readHtml('<html><body><nav>首页 政务公开</nav><script>x()</script></body></html>');
    expect(result).toEqual({ ok: false, error: 'has no text once navigation and scripts are dropped' });
  });
});
