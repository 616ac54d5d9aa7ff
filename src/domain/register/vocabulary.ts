/**
 * The register's closed vocabularies with their Chinese labels (exhaustive tables: a new value makes the
 * compiler list every label and rule it needs). Words follow the 户况登记表 of 000 L16, L36.
 */
export const TENURES = ['owner', 'rented', 'vacant'] as const;
export type Tenure = (typeof TENURES)[number];
export const TENURE_LABELS: Record<Tenure, string> = { owner: '自住', rented: '出租', vacant: '空置' };

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = { male: '男', female: '女' };

export const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'other_relative', 'tenant', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Record<Relation, string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙子女',
  grandparent: '祖父母',
  sibling: '兄弟姐妹',
  other_relative: '其他亲属',
  tenant: '租户',
  other: '其他',
};

/** 000 L26 "居民就业情况，居民失业和再就业的时间". */
export const JOB_STATUSES = ['employed', 'self_employed', 'unemployed', 'retired', 'student', 'preschool', 'other'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  employed: '在职',
  self_employed: '个体经营',
  unemployed: '失业',
  retired: '退休',
  student: '在校学生',
  preschool: '学龄前',
  other: '其他',
};

export const RESIDENT_STATUSES = ['active', 'moved_away', 'deceased'] as const;
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];
export const RESIDENT_STATUS_LABELS: Record<ResidentStatus, string> = { active: '在册', moved_away: '已迁出', deceased: '已死亡' };

/** Every change to the register is one of these, dated (issue 15 item 4). */
export const CHANGE_KINDS = ['move_in', 'move_out', 'new_arrival', 'new_tenant', 'tenancy_end', 'birth', 'death', 'flag_change', 'info_change'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  move_in: '迁入',
  move_out: '迁出',
  new_arrival: '新流入人员',
  new_tenant: '新租户',
  tenancy_end: '退租',
  birth: '出生',
  death: '死亡',
  flag_change: '特殊群体变更',
  info_change: '信息变更',
};

/** Which deadline a change runs against: new arrivals have a month (000 L34), every other change 5 working days. */
export const CHANGE_DEADLINE: Record<ChangeKind, 'change' | 'new_arrival'> = {
  move_in: 'change',
  move_out: 'change',
  new_arrival: 'new_arrival',
  new_tenant: 'new_arrival',
  // Renters leaving is a change like a move-out (000 L34: 5 working days); only arrivals get a month.
  tenancy_end: 'change',
  birth: 'change',
  death: 'change',
  flag_change: 'change',
  info_change: 'change',
};

/** Where a change record came from: entered by the worker, or drafted from other work for them to confirm. */
export const CHANGE_SOURCES = ['worker', 'case', 'visit', 'patrol', 'import'] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];
export const CHANGE_SOURCE_LABELS: Record<ChangeSource, string> = {
  worker: '网格员登记',
  case: '来自事件上报',
  visit: '来自走访',
  patrol: '来自巡查',
  import: 'Excel导入',
};
