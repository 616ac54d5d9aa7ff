import { roleEntries } from './role-entries';

describe('what the home page offers each role', () => {
  it('a resident gets no staff entries', () => {
    expect(roleEntries(['resident'])).toEqual([]);
  });

  it('community staff reach the case workbench for escalated cases and 督办, as well as administration', () => {
    expect(roleEntries(['community_staff']).map((e) => e.label)).toEqual(['网格工作台', '网格与人员管理', '志愿活动管理']);
  });

  it('the administrator also reaches volunteer management, where the street’s points rules are kept', () => {
    expect(roleEntries(['admin']).map((e) => e.label)).toEqual(['网格与人员管理', '志愿活动管理']);
  });

  it('someone with two roles sees each entry once (一岗双责)', () => {
    expect(roleEntries(['grid_officer', 'community_staff']).map((e) => e.label)).toEqual(['网格工作台', '网格与人员管理', '志愿活动管理']);
  });
});
