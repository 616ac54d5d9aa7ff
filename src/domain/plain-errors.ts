import type { z } from 'zod';

/**
 * The one mapping from validation issues to words a resident reads (issue 8 item 4): no type names,
 * no field paths, no "期望 string <=64 字符". Installed as zod's locale in validation.ts, so every
 * schema without its own message says this; schemas with their own message (written for people,
 * e.g. "请至少上传 1 张处理后的现场照片") keep it.
 */
type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

const UNIT_OF: Record<string, string> = { string: '个字', array: '项', set: '项', file: '个文件' };

export function plainReasonOf(issue: Issue): string {
  const origin = 'origin' in issue ? String(issue.origin) : '';
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (origin === 'number' || origin === 'int' || origin === 'bigint') return `不能小于 ${min}`;
      if (origin === 'date') return '日期太早';
      if (min <= 1) return '不能为空';
      return `至少要 ${min} ${UNIT_OF[origin] ?? '项'}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (origin === 'number' || origin === 'int' || origin === 'bigint') return `不能大于 ${max}`;
      if (origin === 'date') return '日期太晚';
      return origin === 'string' ? `不能超过 ${max} 个字` : `最多 ${max} ${UNIT_OF[origin] ?? '项'}`;
    }
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return '不在可选范围内';
    case 'unrecognized_keys':
      return '有本应用不认识的内容，请更新到最新版本后再试';
    case 'not_multiple_of':
      return '数值不正确';
    case 'invalid_type':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default:
      return '填写得不对';
  }
}

/**
 * Chinese names for fields whose schema carries no `.describe()` label: the ids and common words that
 * appear in many payloads. A field in neither place is called "这一项" — never by its key.
 */
export const FIELD_LABELS: Record<string, string> = {
  streetId: '街道',
  communityId: '社区',
  gridId: '网格',
  caseId: '事件',
  personId: '人员',
  userId: '用户',
  activityId: '活动',
  giftId: '礼品',
  categoryId: '问题类别',
  departmentId: '承办科室',
  requestId: '提交编号',
  expectedVersion: '数据版本',
  version: '数据版本',
  name: '名称',
  phone: '电话',
  note: '说明',
  reason: '原因',
  photos: '照片',
  description: '问题描述',
  address: '地址',
  dueAt: '期限',
  code: '编号',
  level: '级别',
  rating: '满意度',
  comment: '评价内容',
  year: '年份',
  quarter: '季度',
  month: '月份',
  cursor: '翻页位置',
  limit: '每页条数',
};

export const FALLBACK_LABEL = '这一项';
