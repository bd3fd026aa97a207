import type { CsvRecord } from './csv';
import type { ValidDataset } from './validate';

/**
 * A national corpus is built as partitions, one site per province (`npm run build -- --partition 湖南省`), each
 * into its own folder of one joined site. The folder name is ASCII and stable (it is in every URL of the
 * partition), so it comes from a table, not from the data.
 */

/** The folder of each province-level division (Hanyu Pinyin; 陕西 is "shaanxi", as officially romanised, so it differs from 山西). */
export const PROVINCE_FOLDERS: Readonly<Record<string, string>> = {
  北京市: 'beijing',
  天津市: 'tianjin',
  河北省: 'hebei',
  山西省: 'shanxi',
  内蒙古自治区: 'neimenggu',
  辽宁省: 'liaoning',
  吉林省: 'jilin',
  黑龙江省: 'heilongjiang',
  上海市: 'shanghai',
  江苏省: 'jiangsu',
  浙江省: 'zhejiang',
  安徽省: 'anhui',
  福建省: 'fujian',
  江西省: 'jiangxi',
  山东省: 'shandong',
  河南省: 'henan',
  湖北省: 'hubei',
  湖南省: 'hunan',
  广东省: 'guangdong',
  广西壮族自治区: 'guangxi',
  海南省: 'hainan',
  重庆市: 'chongqing',
  四川省: 'sichuan',
  贵州省: 'guizhou',
  云南省: 'yunnan',
  西藏自治区: 'xizang',
  陕西省: 'shaanxi',
  甘肃省: 'gansu',
  青海省: 'qinghai',
  宁夏回族自治区: 'ningxia',
  新疆维吾尔自治区: 'xinjiang',
  台湾省: 'taiwan',
  香港特别行政区: 'hongkong',
  澳门特别行政区: 'macao',
};

/** What a partition folder name looks like: lower-case ASCII letters, digits and hyphens (safe in a URL and in HTML). */
export const PARTITION_FOLDER = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The folder of a province's partition. A name outside the table (a province written another way in units.csv)
 * still gets a stable ASCII folder: "x-" and the hex of its UTF-8 bytes, so two names never share one.
 */
export function partitionFolder(province: string): string {
  return PROVINCE_FOLDERS[province] ?? `x-${Buffer.from(province, 'utf8').toString('hex')}`;
}

/** The provinces of the units, each once, in the order of their folders (the order partitions are built and listed in). */
export function provincesOf(units: readonly { province: string }[]): string[] {
  return [...new Set(units.map((u) => u.province))].sort((a, b) => partitionFolder(a).localeCompare(partitionFolder(b)));
}

/**
 * The part of a validated dataset one province's site is built from: its units, their reports, and those
 * reports' figures, indicators and texts. Validation ran on the whole dataset first, so every reference inside
 * the part resolves. A province with no unit is an error naming the provinces there are (a misspelt
 * `--partition` must not build an empty site).
 */
export function partitionDataset(dataset: ValidDataset, province: string): ValidDataset {
  const units = dataset.units.filter((u) => u.province === province);
  if (units.length === 0) {
    throw new Error(
      `no unit in data/units.csv has the province ${JSON.stringify(province)}; the provinces are: ${provincesOf(dataset.units).join('、')}`,
    );
  }
  const unitIds = new Set(units.map((u) => u.id));
  const reports = dataset.reports.filter((r) => unitIds.has(r.unit_id));
  const reportIds = new Set(reports.map((r) => r.id));
  return {
    units,
    reports,
    figures: dataset.figures.filter((f) => reportIds.has(f.row.report_id)),
    indicators: dataset.indicators.filter((i) => reportIds.has(i.row.report_id)),
    sources: new Map([...dataset.sources].filter(([id]) => reportIds.has(id))),
  };
}

/**
 * The ids of one province's reports, from the rows of units.csv and reports.csv as written: what a partition
 * reads of data/ besides the two manifests (readDataset's scope). Rows are taken as they are, before
 * validation; validation of the partition still reads both manifests whole, so a row that fails there stops
 * every partition, and a report whose unit is unknown belongs to none.
 */
export function partitionReportIds(units: readonly CsvRecord[], reports: readonly CsvRecord[], province: string): Set<string> {
  const unitIds = new Set(units.filter((u) => u.values['province'] === province).map((u) => u.values['id']));
  return new Set(reports.filter((r) => unitIds.has(r.values['unit_id'])).map((r) => r.values['id'] ?? ''));
}

/** The environment variable that makes `npm run content` write one province's collections (set by scripts/build.ts). */
export const PARTITION_ENV = 'MINGZHANG_PARTITION';

/** The province a build is a partition of (PARTITION_ENV), or null when it builds the whole site. */
export function partitionOf(env: Readonly<Record<string, string | undefined>>): string | null {
  const province = env[PARTITION_ENV];
  return province === undefined || province === '' ? null : province;
}

/** The dataset the content step builds from: the whole one, or one province's part when PARTITION_ENV names one. */
export function datasetForBuild(dataset: ValidDataset, env: Readonly<Record<string, string | undefined>>): ValidDataset {
  const province = partitionOf(env);
  return province === null ? dataset : partitionDataset(dataset, province);
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux whatever the kernel's own rate). */
const USER_HZ = 100;

/**
 * The CPU seconds (user + system) of a process's children that it has waited for, from its /proc/<pid>/stat
 * line (fields 16 and 17, cutime and cstime; they include the children's own waited-for children). A build's
 * wall time on a shared machine says little; the CPU time its steps took says what it costs.
 */
export function childrenCpuSeconds(stat: string): number | null {
  // the command name (field 2) is in parentheses and may hold spaces and parentheses itself
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = [fields[13], fields[14]].map(Number);
  if (ticks.some((n) => !Number.isInteger(n) || n < 0)) return null;
  return ticks.reduce((a, b) => a + b, 0) / USER_HZ;
}
