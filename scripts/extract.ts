/**
 * npm run --silent extract -- FILE [--csv] [--report ID]
 * Reads one report (UTF-8 text or markdown) and prints one JSON object with the figures it states, each
 * with its verbatim quote; --csv prints them as dataset rows (review = machine) for report ID (default:
 * the file name). Unreadable or empty input: a message on stderr and exit 1.
 */
import { basename } from 'node:path';
import { readReportText } from '../src/lib/extract/read';
import { extractReport } from '../src/lib/extract';
import { toDatasetCsv, toJson } from '../src/lib/extract/output';

const args = process.argv.slice(2);
const csv = args.includes('--csv');
const reportFlag = args.indexOf('--report');
const reportId = reportFlag >= 0 ? args[reportFlag + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && (reportFlag < 0 || i !== reportFlag + 1));
if (!file) {
  console.error('usage: npm run --silent extract -- FILE [--csv] [--report ID]');
  process.exit(2);
}
const read = readReportText(file);
if (!read.ok) {
  console.error(`extract: ${file}: ${read.error}`);
  process.exit(1);
}
const extraction = extractReport(read.text);
if (csv) process.stdout.write(toDatasetCsv(extraction, reportId ?? basename(file).replace(/\.[^.]+$/, '')));
else process.stdout.write(`${JSON.stringify(toJson(extraction), null, 1)}\n`);
