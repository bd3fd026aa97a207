/**
 * The synthetic units: county-level departments spread over every province, a dozen cities per province and
 * a dozen counties per city, named from syllable tables so that names look like place names and differ.
 */
import type { Unit } from '../../schemas/unit';
import { hash32 } from './random';

/** Province-level divisions with an ASCII slug for ids. */
export const PROVINCES = [
  ['beijing', '北京市'],
  ['tianjin', '天津市'],
  ['hebei', '河北省'],
  ['shanxi', '山西省'],
  ['neimenggu', '内蒙古自治区'],
  ['liaoning', '辽宁省'],
  ['jilin', '吉林省'],
  ['heilongjiang', '黑龙江省'],
  ['shanghai', '上海市'],
  ['jiangsu', '江苏省'],
  ['zhejiang', '浙江省'],
  ['anhui', '安徽省'],
  ['fujian', '福建省'],
  ['jiangxi', '江西省'],
  ['shandong', '山东省'],
  ['henan', '河南省'],
  ['hubei', '湖北省'],
  ['hunan', '湖南省'],
  ['guangdong', '广东省'],
  ['guangxi', '广西壮族自治区'],
  ['hainan', '海南省'],
  ['chongqing', '重庆市'],
  ['sichuan', '四川省'],
  ['guizhou', '贵州省'],
  ['yunnan', '云南省'],
  ['xizang', '西藏自治区'],
  ['shaanxi', '陕西省'],
  ['gansu', '甘肃省'],
  ['qinghai', '青海省'],
  ['ningxia', '宁夏回族自治区'],
  ['xinjiang', '新疆维吾尔自治区'],
] as const;

/** Department types: slug, full name, short name as the departments' own reports write it. */
export const DEPARTMENTS = [
  ['ybj', '医疗保障局', '医保局'],
  ['czj', '财政局', '财政局'],
  ['jyj', '教育局', '教育局'],
  ['mzj', '民政局', '民政局'],
  ['wjj', '卫生健康局', '卫健局'],
  ['rsj', '人力资源和社会保障局', '人社局'],
  ['zrzyj', '自然资源局', '自然资源局'],
  ['jtj', '交通运输局', '交通局'],
  ['nyj', '农业农村局', '农业农村局'],
  ['sfj', '司法局', '司法局'],
  ['sjj', '审计局', '审计局'],
  ['yjj', '应急管理局', '应急局'],
  ['scj', '市场监督管理局', '市场监管局'],
  ['slj', '水利局', '水利局'],
  ['tjj', '统计局', '统计局'],
] as const;

const SYLLABLES = '安宁平和永兴长乐新华东西南北江河山川丰泰福寿清远阳明德庆宜春云林石桥湖溪龙凤金玉宝昌盛嘉定武文成广汉临'.split('');
const CITIES_PER_PROVINCE = 12;
const COUNTIES_PER_CITY = 12;
/** Departments per county: a third of the types, so that a small corpus already spans many counties. */
const DEPARTMENTS_PER_COUNTY = 5;

function placeName(key: string, suffix: string): string {
  const h = hash32(key);
  const a = SYLLABLES[h % SYLLABLES.length] ?? '安';
  const b = SYLLABLES[(h >>> 8) % SYLLABLES.length] ?? '平';
  return `${a}${b}${suffix}`;
}

/**
 * The k-th synthetic unit (k = 0, 1, …): consecutive units are five departments of one county, then the next
 * county, cycling through the provinces so that every province has units early on.
 */
export function syntheticUnit(k: number): Unit {
  const county = Math.floor(k / DEPARTMENTS_PER_COUNTY);
  // counties differ in which five departments they have; within a county the five are distinct
  const dept = DEPARTMENTS[((k % DEPARTMENTS_PER_COUNTY) + DEPARTMENTS_PER_COUNTY * (county % 3)) % DEPARTMENTS.length] ?? DEPARTMENTS[0];
  const province = PROVINCES[county % PROVINCES.length] ?? PROVINCES[0];
  const inProvince = Math.floor(county / PROVINCES.length);
  const city = Math.floor(inProvince / COUNTIES_PER_CITY) % CITIES_PER_PROVINCE;
  const countyInCity = inProvince % COUNTIES_PER_CITY;
  // past 144 counties a province wraps its cities; the round keeps ids (and names) distinct
  const round = Math.floor(inProvince / (COUNTIES_PER_CITY * CITIES_PER_PROVINCE));
  const cityName = placeName(`${province[0]}-${city}`, '市');
  const countyName = placeName(`${province[0]}-${city}-${countyInCity}-${round}`, countyInCity % 3 === 0 ? '区' : '县');
  const [slug, name, short] = dept;
  return {
    id: `${province[0]}-c${city}-x${countyInCity}${round > 0 ? `r${round}` : ''}-${slug}`,
    name: `${cityName}${countyName}${name}`,
    short_name: `${countyName}${short}`,
    province: province[1],
    city: cityName,
    county: countyName,
    department_type: name,
  };
}
