/**
 * Rate formulas of performance-evaluation tables, where the evaluator shows the arithmetic behind a rate:
 * "“三公经费”控制率1.04=（“三公经费”实际支出数15639/“三公经费”预算安排数15000）×100%",
 * "“三公经费”变动率=[（本年度“三公经费”总额15639-上年度“三公经费”总额0）/上年度“三公经费”总额0]×100%".
 * The reader finds the rate and its labelled operands (offsets into the text); which metric a label names and
 * which unit the bare numbers are in is decided by stages/formula.ts.
 */

export interface FormulaPart {
  /** The words naming the part ("“三公经费”实际支出数"), as in the scan copy. */
  label: string;
  labelStart: number;
  /** The number as it stands in the scan copy, and where. */
  value: string;
  valueStart: number;
  valueEnd: number;
}

export interface RateFormula {
  /** The rate: its label and, where the formula states it before "=", its value. */
  rate: { label: string; labelStart: number; value: string | null; valueStart: number; valueEnd: number };
  /** What stands above the fraction bar: one amount, or one amount minus another (a change). */
  numerator: FormulaPart[];
  denominator: FormulaPart;
  start: number;
  end: number;
}

const NUMBER = '\\d+(?:\\.\\d+)?';
/** A label: words and quote marks, no digits, brackets, operators or clause punctuation. */
const LABEL = '[\\u4e00-\\u9fa5“”"‘’\']{2,24}?';
const PART = `(${LABEL})\\s*(${NUMBER})`;
const FORMULA = new RegExp(
  `(${LABEL}率)\\s*(${NUMBER})?\\s*=\\s*\\[?\\s*\\(\\s*${PART}\\s*(?:-\\s*${PART}\\s*)?\\)?\\s*/\\s*${PART}\\s*\\)?\\s*\\]?\\s*[×xX*]\\s*100\\s*%`,
  'g',
);

/** Every rate formula in `scan` (the scan copy: full-width brackets are ASCII there). */
export function rateFormulas(scan: string): RateFormula[] {
  const out: RateFormula[] = [];
  for (const m of scan.matchAll(FORMULA)) {
    const groups = m.slice(1);
    // offsets of the groups, found left to right inside the match
    let cursor = m.index;
    const place = (s: string | undefined): number => {
      if (s === undefined) return -1;
      const at = scan.indexOf(s, cursor);
      cursor = at + s.length;
      return at;
    };
    const [rateLabel = '', rateValue, ...rest] = groups;
    const rateLabelStart = place(rateLabel);
    const rateValueStart = place(rateValue);
    const parts: (FormulaPart | null)[] = [];
    for (let i = 0; i < rest.length; i += 2) {
      const label = rest[i];
      const value = rest[i + 1];
      if (label === undefined || value === undefined) {
        parts.push(null);
        continue;
      }
      const labelStart = place(label);
      const valueStart = place(value);
      parts.push({ label, labelStart, value, valueStart, valueEnd: valueStart + value.length });
    }
    const [first, second, denominator] = parts;
    if (!first || !denominator) continue;
    out.push({
      rate: {
        label: rateLabel,
        labelStart: rateLabelStart,
        value: rateValue ?? null,
        valueStart: rateValueStart,
        valueEnd: rateValue === undefined ? -1 : rateValueStart + rateValue.length,
      },
      numerator: second ? [first, second] : [first],
      denominator,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}
