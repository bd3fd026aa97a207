import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx';

/** A ZIP of stored (uncompressed) entries: enough of a container for a small DOCX. */
function storedZip(entries: Record<string, string>): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // names in UTF-8
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    local.push(header, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...central, end]));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const cell = (text: string, span = 1) => `<w:tc>${span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}${paragraph(text)}</w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

/** A small 决算 in Word, made from the seed text's wording: prose, a title, a 单位 line and a table. */
function sampleDocx(): Uint8Array {
  const body = [
    paragraph('一、收入支出决算总体情况说明'),
    paragraph('2022年度收、支总计1,153.8万元。'),
    paragraph('财政拨款“三公”经费支出决算表'),
    paragraph('单位：万元'),
    `<w:tbl>${[
      row(cell('项目'), cell('预算数'), cell('决算数')),
      row(cell('因公出国（境）费'), cell('0.00'), cell('0.00')),
      row(cell('公务接待费'), cell('0.95'), cell('0.39')),
      row(cell('合计 | 小计'), cell('0.95'), cell('0.39')),
    ].join('')}</w:tbl>`,
    paragraph('注：无因公出国（境）费。'),
  ].join('');
  return storedZip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  });
}

describe('readDocx', () => {
  it('keeps paragraphs as lines and the table as pipe rows under its title and 单位 line', async () => {
    const result = await readDocx(sampleDocx());
    if (!result.ok) throw new Error(result.error);
    expect(result.doc.text).toBe(
      [
        '一、收入支出决算总体情况说明',
        '2022年度收、支总计1,153.8万元。',
        '财政拨款“三公”经费支出决算表',
        '单位：万元',
        '| 项目 | 预算数 | 决算数 |',
        '| 因公出国（境）费 | 0.00 | 0.00 |',
        '| 公务接待费 | 0.95 | 0.39 |',
        '| 合计 ｜ 小计 | 0.95 | 0.39 |',
        '注：无因公出国（境）费。',
        '',
      ].join('\n'),
    );
    expect(result.doc.format).toBe('docx');
    expect(result.doc.tables[0]).toMatchObject({ title: '财政拨款“三公”经费支出决算表', unit: '万元' });
  });

  it('a ZIP that is not a Word document: an error, not an exception', async () => {
    const result = await readDocx(storedZip({ 'hello.txt': 'not a docx' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/not a readable \.docx/);
  });
});
