import ExcelJS from 'exceljs';
import { draftRegisterChange } from '../../../cloudfunctions/_lib/register';
import { aHousehold, anIdNumber, aResident } from '../../support/register-builders';
import { newRequestId } from '../../support/org-builders';
import { allow, ALL_STAFF, versionOf, type CallerKey, type FunctionMatrix, type MatrixContext } from './types';

interface RegisterFixtures {
  /** 张丽's household in grid A1: 王芳 (head, 独居老人) and 刘强 (tenant of 王芳). */
  householdId: string;
  fang: string;
  liu: string;
  /** One person per permitted writer to move out (a person moves out once). */
  movers: Partial<Record<CallerKey, string>>;
  tenancyId: string;
  /** One tenancy per permitted writer to end (a tenancy ends once). */
  endings: Partial<Record<CallerKey, string>>;
  /** The 交接单 of a move-out (community staff acknowledge it) and a change drafted from a visit (workers confirm it). */
  handoverId: string;
  draftId: string;
  /** A second draft (from a case) for the dismiss row. */
  dismissId: string;
  workbook: string;
  /** The building of 张丽's household (3栋 of grid A1, made by saveHousehold). */
  buildingId: string;
  rules: { version: number; careGroups: unknown; deadlines: unknown; retention: { days: number; reason: string } };
}

const TODAY = '2026-12-07';
const WRITERS: CallerKey[] = ['officer', 'chief', 'staff'];
const aTenantLike = (name: string) => ({ name, relation: 'child', idNumber: undefined, sex: 'male', birthDate: '1990-05-01', phone: '13700001111', job: 'unemployed' });

async function workbook(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('户况');
  sheet.addRow(['户号', '楼栋', '单元', '门牌号', '地址', '居住类型', '姓名', '性别', '出生日期', '身份证号', '电话', '与户主关系', '党员', '就业状况', '技能特长']);
  sheet.addRow(['1', '6栋', '1单元', '101', '肥东路12号6栋1单元101', '自住', '赵云', '', '', anIdNumber('19600101', '011'), '13955660001', '户主', '否', '退休', '']);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

async function person(ctx: MatrixContext, householdId: string, over: Record<string, unknown>): Promise<string> {
  return (await ctx.must('officer', 'register', 'savePerson', aResident(householdId, over))).id;
}

/**
 * `register` (issue 15, src/domain/register/access.ts and the street's rules): who may read, write,
 * reveal, export and acknowledge, each where their grant reaches (officers and chiefs their grids,
 * community staff their community, street staff and admins the street). Defaults: read — officers,
 * chiefs, community and street staff, admin; write — officers, chiefs, community staff; reveal — officers
 * and community staff; export — community staff and admin; 交接单 — community staff.
 */
export const registerMatrix: FunctionMatrix<'register', RegisterFixtures> = {
  setup: async (ctx) => {
    const householdId = (await ctx.must('officer', 'register', 'saveHousehold', aHousehold('grid-a1'))).id;
    const fang = await person(ctx, householdId, { name: '王芳' });
    const liu = await person(ctx, householdId, aTenantLike('刘强'));
    await ctx.must('officer', 'register', 'setCareFlags', { residentId: fang, expectedVersion: await versionOf(ctx, 'residents', fang), flags: ['elderly_alone'], occurredOn: TODAY });
    const movers: Partial<Record<CallerKey, string>> = {};
    for (const [i, who] of WRITERS.entries()) movers[who] = await person(ctx, householdId, aTenantLike(`搬家${i}`));
    const leaving = await person(ctx, householdId, aTenantLike('周立'));
    const handoverId = (await ctx.must('officer', 'register', 'movePerson', { residentId: leaving, expectedVersion: await versionOf(ctx, 'residents', leaving), occurredOn: TODAY, to: { kind: 'away' } })).changeId;
    const tenancyId = (await ctx.must('officer', 'register', 'saveTenancy', { requestId: newRequestId('tenancy'), householdId, landlordName: '王芳', tenantResidentIds: [liu], moveInOn: '2026-11-01' })).id;
    const endings: Partial<Record<CallerKey, string>> = {};
    for (const who of WRITERS) endings[who] = (await ctx.must('officer', 'register', 'saveTenancy', { requestId: newRequestId('tenancy'), householdId, landlordName: '王芳', tenantResidentIds: [liu], moveInOn: '2026-11-01' })).id;
    // Confirming applies the move-out (issue 15 item 5): a person of its own, so the other rows keep theirs.
    const departing = await person(ctx, householdId, aTenantLike('孙丽'));
    const draftId = (await draftRegisterChange(ctx.db as never, { householdId, residentId: departing, kind: 'move_out', occurredOn: TODAY, subject: '孙丽', source: 'visit', sourceId: 'visit-matrix-1' }, new Date(ctx.now())))!;
    const dismissId = (await draftRegisterChange(ctx.db as never, { householdId, kind: 'new_tenant', occurredOn: TODAY, subject: '新租户', source: 'case', sourceId: 'case-matrix-1' }, new Date(ctx.now())))!;
    const { rules, version } = await ctx.must('admin', 'register', 'rules', {});
    return { householdId, buildingId: (await ctx.db.collection('households').doc(householdId).get()).data[0].buildingId, fang, liu, movers, tenancyId, endings, handoverId, draftId, dismissId, workbook: await workbook(), rules: { version, ...rules } };
  },
  actions: {
    saveHousehold: { payload: () => aHousehold('grid-a1', { room: '402' }), who: allow(...WRITERS) },
    savePerson: { payload: (fx, caller) => aResident(fx.householdId, aTenantLike(`${caller}登记`)), who: allow(...WRITERS) },
    setCareFlags: {
      payload: async (fx, _c, ctx) => ({ residentId: fx.fang, expectedVersion: await versionOf(ctx, 'residents', fx.fang), flags: ['elderly_alone'], occurredOn: TODAY }),
      who: allow(...WRITERS),
    },
    movePerson: {
      payload: async (fx, caller, ctx) => {
        const residentId = fx.movers[caller] ?? fx.movers.officer!;
        return { residentId, expectedVersion: await versionOf(ctx, 'residents', residentId), occurredOn: TODAY, to: { kind: 'away' } };
      },
      who: allow(...WRITERS),
    },
    saveTenancy: { payload: (fx) => ({ requestId: newRequestId('tenancy'), householdId: fx.householdId, landlordName: '王芳', tenantResidentIds: [fx.liu], moveInOn: '2026-11-01' }), who: allow(...WRITERS) },
    recordRenterContact: {
      payload: async (fx, _c, ctx) => ({ tenancyId: fx.tenancyId, expectedVersion: await versionOf(ctx, 'tenancies', fx.tenancyId), on: TODAY, note: '上门见面，情况正常' }),
      who: allow(...WRITERS),
    },
    endTenancy: {
      payload: async (fx, caller, ctx) => {
        const tenancyId = fx.endings[caller] ?? fx.endings.officer!;
        return { requestId: newRequestId('moveout'), tenancyId, expectedVersion: await versionOf(ctx, 'tenancies', tenancyId), moveOutOn: TODAY };
      },
      who: allow(...WRITERS),
      why: 'the renters moving out is a change of the grid\'s register, entered by whoever may write it',
    },
    households: { payload: () => ({ gridId: 'grid-a1' }), who: allow('officer', 'chief', 'staff', 'street', 'admin') },
    searchPeople: { payload: () => ({ by: 'name', text: '王芳' }), who: allow(...ALL_STAFF), why: 'filtered to where the caller may read (another grid\'s officer finds nobody)' },
    household: { payload: (fx) => ({ householdId: fx.householdId }), who: allow('officer', 'chief', 'staff', 'street', 'admin') },
    revealPerson: { payload: (fx) => ({ residentId: fx.fang, reason: '代办低保核对身份' }), who: allow('officer', 'staff'), why: 'a full ID number and phone: the grid\'s officer and the community\'s staff (each read audited)' },
    changes: { payload: () => ({ gridId: 'grid-a1' }), who: allow('officer', 'chief', 'staff', 'street', 'admin') },
    confirmChange: {
      payload: async (fx, _c, ctx) => ({ changeId: fx.draftId, expectedVersion: await versionOf(ctx, 'register_changes', fx.draftId), requestId: newRequestId('confirm') }),
      who: allow(...WRITERS),
      allowedErrors: { codes: ['CONFLICT'], why: 'confirmed once by the officer, the others find it confirmed' },
    },
    drafts: { payload: () => ({ gridId: 'grid-a1' }), who: allow(...WRITERS), why: 'drafts wait for whoever may write the grid\'s register' },
    dismissChange: {
      payload: async (fx, _c, ctx) => ({ changeId: fx.dismissId, expectedVersion: await versionOf(ctx, 'register_changes', fx.dismissId), reason: '核实后无变动' }),
      who: allow(...WRITERS),
      allowedErrors: { codes: ['CONFLICT'], why: 'dismissed once by the first writer, the others find it dismissed' },
    },
    acknowledgeHandover: {
      payload: async (fx, _c, ctx) => ({ changeId: fx.handoverId, expectedVersion: await versionOf(ctx, 'register_changes', fx.handoverId), reply: '已更新底册' }),
      who: allow('staff'),
      why: '000 L35: the community\'s post holder, never the worker who filed it',
    },
    overdue: { payload: () => ({ gridId: 'grid-a1' }), who: allow('officer', 'chief', 'staff', 'street', 'admin') },
    rules: { payload: () => ({}), who: allow(...ALL_STAFF), why: 'whoever may read the register somewhere in the street' },
    saveRules: {
      payload: (fx) => ({ expectedVersion: fx.rules.version, careGroups: fx.rules.careGroups, deadlines: fx.rules.deadlines, retentionDays: fx.rules.retention.days, retentionReason: fx.rules.retention.reason }),
      who: allow('admin'),
    },
    rotateKeys: { payload: () => ({ limit: 50 }), who: allow('admin'), why: 'the street admin moves the street\'s sealed rows to the current key (docs/privacy.md)' },
    importHouseholds: { payload: (fx) => ({ gridId: 'grid-a1', fileBase64: fx.workbook }), who: allow(...WRITERS), why: 'the same file again adds nothing (idempotent)' },
    importTemplate: { payload: () => ({}), who: allow(...ALL_STAFF) },
    exportHouseholds: [
      { payload: () => ({ gridId: 'grid-a1' }), who: allow('staff', 'admin'), why: '004 L61: workers do not export, so the roll does not leak' },
      {
        variant: 'by building and group',
        payload: (fx) => ({ buildingId: fx.buildingId, careGroup: 'elderly_alone' }),
        who: allow('staff', 'admin'),
        why: 'a building of grid A1: community A\'s staff and the admin; community B\'s staff are refused as for the grid',
      },
    ],
    exportChoices: { payload: () => ({}), who: allow('staff', 'staffB', 'admin'), why: 'what the export page offers, only to roles that export (each to their own scope)' },
  },
};
