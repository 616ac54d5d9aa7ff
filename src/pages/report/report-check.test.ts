import type { Category } from '../../domain/case/api';
import type { RoleGrant } from '../../domain/user';
import { checkReport } from './report-check';
import type { ReportDraft } from './report-draft';
import { notesRegisterChanges } from './register-note';

const categories = [{ id: 'population_change', label: '人口房屋变动', defaultClass: 'general', children: [] }] as unknown as Category[];
const draft = (over: Partial<ReportDraft> = {}): ReportDraft => ({
  v: 1,
  requestId: 'req-report-check-0001',
  gridId: 'grid-a1',
  categoryId: 'population_change',
  description: '3栋301新迁入一人',
  photos: [],
  address: '',
  phone: '',
  anonymous: false,
  ...over,
});
const officer: RoleGrant[] = [{ role: 'grid_officer', streetId: 'street-a', communityId: 'community-a', gridIds: ['grid-a1'] }];

describe('户况有变动 on 我要上报 (issue 15 item 5)', () => {
  it('is offered to the grid’s own worker only, never to a resident or in another grid', () => {
    expect(notesRegisterChanges(officer, 'grid-a1')).toBe(true);
    expect(notesRegisterChanges([{ ...officer[0]!, role: 'grid_chief' }], 'grid-a1')).toBe(true);
    expect(notesRegisterChanges(officer, 'grid-a2')).toBe(false);
    expect(notesRegisterChanges(officer, '')).toBe(false);
    expect(notesRegisterChanges([{ role: 'resident', streetId: 'street-a' }] as RoleGrant[], 'grid-a1')).toBe(false);
    expect(notesRegisterChanges([], 'grid-a1')).toBe(false);
  });

  it('sends the note with the household only when the caller is offered it and the switch is on', () => {
    const noted = draft({ change: { on: true, kind: 'move_in', subject: '李明' }, householdId: 'hh-1' });
    expect(checkReport(noted, categories, true)).toMatchObject({ input: { register: { kind: 'move_in', subject: '李明', householdId: 'hh-1' } } });
    // A resident's saved draft (or a switch turned off) sends no note at all.
    expect((checkReport(noted, categories, false) as { input: object }).input).not.toHaveProperty('register');
    expect((checkReport(draft({ change: { on: false, kind: 'move_in', subject: '李明' } }), categories, true) as { input: object }).input).not.toHaveProperty('register');
  });

  it('names what is missing under the note’s own fields', () => {
    const checked = checkReport(draft({ change: { on: true, subject: '' } }), categories, true);
    expect(checked).toEqual({ fields: { 'register.kind': '请选择变动类型', 'register.subject': '请填写涉及的人员', 'register.householdId': '请选择发生变动的住户' } });
  });
});
