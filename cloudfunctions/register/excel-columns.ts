import { JOB_STATUS_LABELS, JOB_STATUSES, RELATION_LABELS, RELATIONS, SEX_LABELS, SEXES, TENURE_LABELS, TENURES } from '../../src/domain/register';

/**
 * The 户况 template (issue 15 item 6): one row per person, the household columns repeated on each of its
 * rows and tied together by 户号 (a household with nobody living in it has one row with 姓名 empty).
 * Import and export use the same columns, so an exported sheet can be corrected and imported again.
 */
export const COLUMNS = [
  { key: 'householdNo', header: '户号', width: 8 },
  { key: 'buildingName', header: '楼栋', width: 10 },
  { key: 'unit', header: '单元', width: 8 },
  { key: 'room', header: '门牌号', width: 8 },
  { key: 'address', header: '地址', width: 28 },
  { key: 'tenure', header: '居住类型', width: 10 },
  { key: 'name', header: '姓名', width: 10 },
  { key: 'sex', header: '性别', width: 6 },
  { key: 'birthDate', header: '出生日期', width: 12 },
  { key: 'idNumber', header: '身份证号', width: 22 },
  { key: 'phone', header: '电话', width: 14 },
  { key: 'relation', header: '与户主关系', width: 10 },
  { key: 'partyMember', header: '党员', width: 6 },
  { key: 'job', header: '就业状况', width: 10 },
  { key: 'skills', header: '技能特长', width: 16 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const headerOf = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header;

/** Chinese label → value, for the closed vocabularies. */
const reverse = <V extends string>(values: readonly V[], labels: Record<V, string>) => new Map(values.map((v) => [labels[v], v]));
export const TENURE_BY_LABEL = reverse(TENURES, TENURE_LABELS);
export const SEX_BY_LABEL = reverse(SEXES, SEX_LABELS);
export const RELATION_BY_LABEL = reverse(RELATIONS, RELATION_LABELS);
export const JOB_BY_LABEL = reverse(JOB_STATUSES, JOB_STATUS_LABELS);
export const YES_NO = new Map([
  ['是', true],
  ['否', false],
  ['', false],
]);
