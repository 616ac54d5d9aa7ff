import * as z from 'zod';
import { GRID_CODE_SCHEMES, GRID_TYPES } from './grid-code';
import { phoneSchema } from './phone';
import { auditApi } from '../audit';
import { cursorPageInput, cursorPageOutput } from '../paging';
import { EMPLOYMENTS, GRID_MEMBER_ROLES, gridMemberSchema } from './records';

/**
 * Contracts of the `board` (public notice board, QR code, poster) and `org` (hierarchy administration)
 * functions, PRODUCT.md §2–§3. Outputs are allow-lists: a stored field reaches a client only if named here.
 */

const id = z.string().min(1).max(64);
/** Client-made id that makes a create idempotent: a retry or a double tap creates one record. */
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确').describe('请求编号');
const expectedVersion = z.number().int().nonnegative().describe('版本号');
const gridIdInput = z.object({ gridId: id.describe('网格') }).strict();

// ---------- board ----------

export const boardPersonSchema = z.object({
  personId: z.string(),
  name: z.string(),
  role: z.enum(GRID_MEMBER_ROLES),
  roleLabel: z.string(),
  employmentLabel: z.string().optional(),
  duties: z.string(),
  /** In full: this is the board of the grid the person serves (PRODUCT.md §3). */
  phone: z.string(),
  photoUrl: z.string().optional(),
  /** AB岗 cover from another grid: that person serves elsewhere, so their phone is masked here. */
  cover: z.object({ name: z.string(), phoneMasked: z.string() }).optional(),
});
export type BoardPerson = z.infer<typeof boardPersonSchema>;

export const boardContactSchema = z.object({ name: z.string(), title: z.string(), phone: z.string(), level: z.enum(['community', 'street']) });

export const boardViewSchema = z.object({
  grid: z.object({
    gridId: z.string(),
    code: z.string(),
    name: z.string(),
    communityName: z.string(),
    typeLabel: z.string(),
    households: z.number(),
    population: z.number(),
    boundary: z.string(),
  }),
  people: z.array(boardPersonSchema),
  upperContacts: z.array(boardContactSchema),
});
export type BoardView = z.infer<typeof boardViewSchema>;

export const boardApi = {
  /** Anyone, signed in or not: the public board. Unknown or disabled grid → NOT_FOUND. */
  get: { input: gridIdInput, output: boardViewSchema },
  /** Staff of the grid's scope: the grid's QR code (wxacode in production, an H5-URL QR locally). */
  qrcode: { input: gridIdInput, output: z.object({ url: z.string(), scene: z.string(), target: z.string() }) },
  /** Staff of the grid's scope: an A4 PDF poster of the board with its QR code. */
  poster: { input: gridIdInput, output: z.object({ url: z.string(), fileId: z.string() }) },
  /** Staff of the building's grid: the building's patrol check-in code (issue 14: scanned during a patrol). */
  buildingQrcode: { input: z.object({ buildingId: id.describe('楼栋') }).strict(), output: z.object({ url: z.string(), scene: z.string(), target: z.string() }) },
  /** Staff of the grid's scope: an A4 PDF of every building's check-in code in the grid, to print and post. */
  buildingSheet: { input: gridIdInput, output: z.object({ url: z.string(), fileId: z.string(), buildings: z.number() }) },
} as const;

// ---------- org (administration) ----------

export const communityInputSchema = z
  .object({
    communityId: id.optional(),
    requestId: requestId.optional(),
    expectedVersion: expectedVersion.optional(),
    name: z.string().trim().min(1).max(40).describe('社区名称'),
    letter: z.string().regex(/^[A-Z]$/, '应为一个大写字母').optional().describe('社区字母'),
    villageCode: z.string().regex(/^\d{3}$/, '应为3位数字').optional().describe('社区代码'),
    enabled: z.boolean().default(true).describe('启用'),
  })
  .strict();

export const gridInputSchema = z
  .object({
    gridId: id.optional(),
    requestId: requestId.optional(),
    expectedVersion: expectedVersion.optional(),
    communityId: id.describe('所属社区'),
    code: z.string().trim().min(1).max(12).describe('网格编号'),
    name: z.string().trim().min(1).max(40).describe('网格名称'),
    type: z.enum(GRID_TYPES).default('ordinary').describe('网格类型'),
    households: z.number().int().min(0).max(100000).describe('户数'),
    population: z.number().int().min(0).max(500000).describe('人口'),
    boundary: z.string().trim().max(300).default('').describe('四至范围'),
    enabled: z.boolean().default(true).describe('启用'),
  })
  .strict();

/** What a grid's own officer or chief may change (canEditGridInfo). */
export const gridInfoInputSchema = z
  .object({
    gridId: id.describe('网格'),
    expectedVersion,
    households: z.number().int().min(0).max(100000).describe('户数'),
    population: z.number().int().min(0).max(500000).describe('人口'),
    boundary: z.string().trim().max(300).describe('四至范围'),
  })
  .strict();

export const buildingInputSchema = z
  .object({
    buildingId: id.optional(),
    requestId: requestId.optional(),
    gridId: id.describe('所属网格'),
    name: z.string().trim().min(1).max(30).describe('楼栋名称'),
    kind: z.enum(['building', 'unit']).default('building').describe('类型'),
  })
  .strict();

export const personInputSchema = z
  .object({
    personId: id.optional(),
    requestId: requestId.optional(),
    expectedVersion: expectedVersion.optional(),
    name: z.string().trim().min(1).max(20).describe('姓名'),
    phone: phoneSchema.describe('电话'),
    duties: z.string().trim().max(300).default('').describe('工作职责'),
    title: z.string().trim().max(30).optional().describe('职务'),
  })
  .strict();

export const departmentInputSchema = z
  .object({
    departmentId: id.optional(),
    requestId: requestId.optional(),
    expectedVersion: expectedVersion.optional(),
    name: z.string().trim().min(1, '请填写部门名称').max(40, '部门名称最多40字').describe('部门名称'),
    responsiblePersonId: id.describe('负责人'),
    memberPersonIds: z.array(id).max(100, '成员最多100人').default([]).describe('成员'),
    enabled: z.boolean().default(true).describe('启用'),
  })
  .strict();

export const departmentViewSchema = z.object({
  departmentId: z.string(),
  name: z.string(),
  responsiblePersonId: z.string(),
  responsibleName: z.string(),
  memberPersonIds: z.array(z.string()),
  memberNames: z.array(z.string()),
  enabled: z.boolean(),
  version: z.number(),
});

/** Photos: JPEG or PNG, at most 2 MB (checked on the bytes, not on the declared type). */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const photoInputSchema = z
  .object({
    personId: id.describe('人员'),
    mimeType: z.enum(['image/jpeg', 'image/png']).describe('图片类型'),
    dataBase64: z.string().min(1).max(Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 4).describe('照片'),
  })
  .strict();

export const gridMembersInputSchema = z
  .object({
    gridId: id.describe('网格'),
    expectedVersion,
    members: z.array(gridMemberSchema).max(50).describe('网格人员'),
  })
  .strict();

export const orgTreeSchema = z.object({
  street: z.object({ streetId: z.string(), name: z.string(), gridCodeScheme: z.enum(GRID_CODE_SCHEMES), canManage: z.boolean() }),
  communities: z.array(
    z.object({
      communityId: z.string(),
      name: z.string(),
      letter: z.string().optional(),
      villageCode: z.string().optional(),
      enabled: z.boolean(),
      version: z.number(),
      canManage: z.boolean(),
      grids: z.array(
        z.object({
          gridId: z.string(),
          code: z.string(),
          name: z.string(),
          type: z.enum(GRID_TYPES),
          enabled: z.boolean(),
          households: z.number(),
          population: z.number(),
          boundary: z.string(),
          version: z.number(),
          canEditInfo: z.boolean(),
        }),
      ),
    }),
  ),
});

/** People as staff see them when editing: full phone only for people in the caller's managed scope. */
export const staffPersonSchema = z.object({
  personId: z.string(),
  name: z.string(),
  phone: z.string(),
  duties: z.string(),
  title: z.string().optional(),
  photoUrl: z.string().optional(),
  version: z.number(),
});

export const gridDetailSchema = z.object({
  gridId: z.string(),
  communityId: z.string(),
  code: z.string(),
  name: z.string(),
  version: z.number(),
  members: z.array(
    z.object({
      personId: z.string(),
      role: z.enum(GRID_MEMBER_ROLES),
      employment: z.enum(EMPLOYMENTS).optional(),
      coverPersonId: z.string().optional(),
      buildingId: z.string().optional(),
    }),
  ),
  buildings: z.array(z.object({ buildingId: z.string(), name: z.string(), kind: z.enum(['building', 'unit']) })),
});

const saved = z.object({ id: z.string(), version: z.number() });

export const orgApi = {
  /** Staff: the street's communities and grids the caller may see, with what they may edit. */
  tree: { input: z.object({}).strict(), output: orgTreeSchema },
  saveCommunity: { input: communityInputSchema, output: saved },
  saveGrid: { input: gridInputSchema, output: saved },
  updateGridInfo: { input: gridInfoInputSchema, output: saved },
  saveBuilding: { input: buildingInputSchema, output: saved },
  gridDetail: { input: gridIdInput, output: gridDetailSchema },
  setGridMembers: { input: gridMembersInputSchema, output: saved },
  /**
   * People of the caller's street that the caller manages (community staff: people serving their community),
   * a cursor page at a time in a fixed order (issue 8 item 9), with the total; `personId` narrows it to that
   * one person (the edit page), empty when outside the caller's scope.
   */
  listPeople: {
    input: z.object({ personId: id.optional().describe('人员'), ...cursorPageInput }).strict(),
    output: z.object({ people: z.array(staffPersonSchema), ...cursorPageOutput }),
  },
  savePerson: { input: personInputSchema, output: saved },
  /** Street staff and the admin: the street's 职能部门 (the admin may change them: canManage). */
  departments: { input: z.object({}).strict(), output: z.object({ departments: z.array(departmentViewSchema), canManage: z.boolean() }) },
  /** The street admin adds, renames or deactivates a department; create is idempotent by requestId. */
  saveDepartment: { input: departmentInputSchema, output: saved },
  uploadPersonPhoto: { input: photoInputSchema, output: z.object({ photoFileId: z.string(), version: z.number() }) },
  /** Street admins: the append-only audit trail of staff writes of personal data (issue 10 item 8). */
  ...auditApi,
} as const;
