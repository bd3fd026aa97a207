/**
 * One report, one story: the same quantity stated twice must have one value (300.1 and 300.11 万元 are the
 * same number rounded differently, 1.56 万元 and 0 元 are not), and the fiscal year in the title must be
 * the one the body describes.
 */
import type { FigureEntry } from '../../../schemas/figure';
import { agrees, baseOf, sub } from '../exact';
import { figureRef, inSourceOrder, measured, nameWithPhase, quantityKey, statedText, textRef, type CheckInput, type Draft } from '../context';
import { formatDifference } from '../quantity';
import { occurrences } from '../text';
import { tr } from '../i18n';

export function checkSameQuantity(input: CheckInput): Draft[] {
  const out: Draft[] = [];
  const byKey = new Map<string, FigureEntry[]>();
  for (const f of inSourceOrder(input.figures)) {
    // The vocabulary has no fund dimension: a figure its quote calls 一般公共预算 / 财政拨款 money and one that
    // covers all funds may differ honestly, so they are compared only with statements of the same fund.
    const fund = /一般公共预算|财政拨款/.test(f.quote) ? 'appropriation' : '';
    const key = `${quantityKey(f)}|${baseOf(f.unit)}|${fund}`;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  for (const statements of byKey.values()) {
    const [first, ...rest] = statements;
    const m = first ? measured(first) : null;
    if (!first || !m) continue;
    const differing = rest.filter((f) => {
      const other = measured(f);
      return other !== null && !agrees(m, other);
    });
    if (differing.length === 0) continue;
    const other = differing[0];
    const om = other ? measured(other) : null;
    out.push({
      severity: 'error',
      message: tr('check.sameQuantity.message', {
        name: nameWithPhase(first),
        first: statedText(first),
        others: differing.map(statedText).join('、'),
      }),
      refs: [first, ...differing].map(figureRef),
      stated: statedText(first),
      computed: other ? statedText(other) : '',
      difference: om ? formatDifference(sub(m.value, om.value), first) : '',
    });
  }
  return out;
}

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年/g;
const YEAR_OF_BODY = /((?:19|20)\d{2})\s*年度/g;

/** The year the body describes: the year written most often as "YYYY年度" outside the title. */
export function bodyYear(text: string, titleEnd: number): { year: number; count: number; offset: number } | null {
  const counts = new Map<number, { count: number; offset: number }>();
  for (const m of text.slice(titleEnd).matchAll(YEAR_OF_BODY)) {
    const year = Number(m[1]);
    const seen = counts.get(year);
    counts.set(year, { count: (seen?.count ?? 0) + 1, offset: seen?.offset ?? titleEnd + m.index });
  }
  let best: { year: number; count: number; offset: number } | null = null;
  for (const [year, { count, offset }] of counts) if (!best || count > best.count) best = { year, count, offset };
  return best;
}

/** Where the title is printed: its first words (titles wrap across lines; the manifest joins them with spaces). */
function titlePlace(text: string, title: string): { offset: number; length: number } | null {
  const words = title.split(/\s+/).filter(Boolean);
  for (let n = words.length; n > 0; n--) {
    const probe = words.slice(0, n).join(' ');
    const at = text.indexOf(probe);
    if (at !== -1) return { offset: at, length: probe.length };
  }
  return null;
}

export function checkFiscalYear(input: CheckInput): Draft[] {
  const { report } = input;
  const titleYears = [...report.title.matchAll(YEAR_IN_TITLE)].map((m) => Number(m[1]));
  if (titleYears.length === 0 || titleYears.includes(report.year)) return [];
  const place = titlePlace(report.text, report.title);
  const titleEnd = place ? place.offset + place.length : 0;
  const body = bodyYear(report.text, titleEnd);
  if (!body || titleYears.includes(body.year)) return [];
  const yearWords = occurrences(report.text.slice(body.offset, body.offset + 12), /\d{4}\s*年度/)[0];
  return [
    {
      severity: 'warning',
      message: tr('check.fiscalYear.message', { title: report.title, titleYear: titleYears.join('、'), bodyYear: body.year, count: body.count }),
      refs: [
        ...(place ? [textRef(report.text, place.offset, place.length)] : []),
        textRef(report.text, body.offset, yearWords?.match.length ?? 6),
      ],
      stated: tr('check.fiscalYear.stated', { year: titleYears.join('、') }),
      computed: tr('check.fiscalYear.computed', { year: body.year }),
      difference: '',
    },
  ];
}
