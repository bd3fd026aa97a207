import { z } from 'zod';
import { MAX_DEPARTMENT_TYPE, MAX_PLACE_NAME, MAX_SHORT_NAME, MAX_UNIT_NAME, safeName } from './name';

/** An id as used in URLs and file names: lower-case ASCII words joined by hyphens. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug of lower-case letters, digits and single hyphens, e.g. "lukou-ybj"');

/**
 * A place a unit may lack: a city's own departments (上海市财政局) belong to no county, a province's (江苏省人民检察院)
 * to no city either. Empty, or a name of at least two characters.
 */
const placeOrNone = (short: string) => safeName(MAX_PLACE_NAME, 0, short).refine((value) => value === '' || value.length >= 2, short);

/** A reporting unit (预算单位): one government department or bureau. */
export const unitSchema = z
  .object({
    /** Stable id, e.g. `lukou-ybj`. */
    id: slugSchema,
    /** Full official name (全称), e.g. 株洲市渌口区医疗保障局. */
    name: safeName(MAX_UNIT_NAME, 2, 'the full official name'),
    /** Short name as the unit's own reports use it, e.g. 渌口区医保局. */
    short_name: safeName(MAX_SHORT_NAME, 1, 'the short name'),
    /** Province-level division (省 / 自治区 / 直辖市). */
    province: safeName(MAX_PLACE_NAME, 2, 'a province, e.g. 湖南省'),
    /** Prefecture-level city (地级市 / 州 / 盟); empty for a province's own department. */
    city: placeOrNone('a city, e.g. 株洲市, or empty for a province-level department'),
    /** County-level division (县 / 区 / 县级市); empty for a province's or a city's own department. */
    county: placeOrNone('a county or district, e.g. 渌口区, or empty for a city- or province-level department'),
    /** Kind of department, e.g. 医疗保障局. */
    department_type: safeName(MAX_DEPARTMENT_TYPE, 2, 'a department type, e.g. 医疗保障局'),
  })
  .refine((unit) => unit.city !== '' || unit.county === '', {
    path: ['city'],
    message: 'a unit with a county needs its city',
  });
export type Unit = z.infer<typeof unitSchema>;
