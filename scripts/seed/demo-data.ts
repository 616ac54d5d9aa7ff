import type { CommunityRecord, GridMember, GridRecord, PersonRecord, StreetRecord } from '../../src/domain/org/records';
import type { RoleGrant, UserRecord } from '../../src/domain/user';

/**
 * The demo street: pure builders, no I/O. The communities and their letters are the source document's
 * own example ("社区代码以英文大写字母A、B、C代表 … A1,即为肥东路社区一号网格", 000 L6).
 * Every signed-in person gets an `openid` like `demo-officer-a1`, so dev login and tests can name them.
 */

export const DEMO_STREET_ID = 'street-demo';

export interface DemoData {
  streets: StreetRecord[];
  communities: CommunityRecord[];
  grids: GridRecord[];
  persons: PersonRecord[];
  users: UserRecord[];
}

interface PersonSpec {
  key: string;
  name: string;
  phone: string;
  roles: RoleGrant[];
  duties?: string;
  title?: string;
  /** Residents and volunteers sign in but are not on any duty board. */
  onBoard?: boolean;
}

interface GridSpec {
  code: string;
  officer: { name: string; phone: string; employment: 'full_time' | 'part_time' };
  households: number;
  population: number;
  boundary: string;
}

interface CommunitySpec {
  letter: 'A' | 'B' | 'C';
  name: string;
  chief: { name: string; phone: string };
  staff: { name: string; phone: string };
  grids: GridSpec[];
}

const COMMUNITIES: CommunitySpec[] = [
  {
    letter: 'A',
    name: '肥东路社区',
    chief: { name: '王秀兰', phone: '13805510101' },
    staff: { name: '刘建国', phone: '13805510102' },
    grids: [
      { code: 'A1', officer: { name: '张丽', phone: '13905511001', employment: 'full_time' }, households: 412, population: 1086, boundary: '肥东路以北、长江中路以南、小区东门至菜市场' },
      { code: 'A2', officer: { name: '李强', phone: '13905511002', employment: 'part_time' }, households: 376, population: 954, boundary: '肥东路以南至亳州路，含 3–12 栋' },
      { code: 'A3', officer: { name: '赵敏', phone: '13905511003', employment: 'full_time' }, households: 298, population: 770, boundary: '肥东路东段沿街商铺及老旧小区' },
    ],
  },
  {
    letter: 'B',
    name: '当涂路社区',
    chief: { name: '陈志刚', phone: '13805510201' },
    staff: { name: '周晓燕', phone: '13805510202' },
    grids: [
      { code: 'B1', officer: { name: '孙伟', phone: '13905512001', employment: 'full_time' }, households: 455, population: 1203, boundary: '当涂路以西、阜阳路以东' },
      { code: 'B2', officer: { name: '吴芳', phone: '13905512002', employment: 'part_time' }, households: 330, population: 861, boundary: '当涂路以东，含学校周边' },
    ],
  },
  {
    letter: 'C',
    name: '茂林路社区',
    chief: { name: '郑国华', phone: '13805510301' },
    staff: { name: '何静', phone: '13805510302' },
    grids: [
      { code: 'C1', officer: { name: '冯磊', phone: '13905513001', employment: 'full_time' }, households: 389, population: 1002, boundary: '茂林路北段及茂林苑小区' },
      { code: 'C2', officer: { name: '马丽娟', phone: '13905513002', employment: 'part_time' }, households: 264, population: 688, boundary: '茂林路南段、农贸市场及沿街' },
    ],
  },
];

const STREET_STAFF = { name: '杨文斌', phone: '13705510001' };
const ADMIN = { name: '系统管理员', phone: '13705510009' };
const VOLUNTEERS = [
  { name: '黄志明', phone: '13605518801', letter: 'A' },
  { name: '林小红', phone: '13605518802', letter: 'B' },
] as const;
const RESIDENTS = [
  { name: '徐大爷', phone: '13505519901', grid: 'A1' },
  { name: '胡阿姨', phone: '13505519902', grid: 'B1' },
] as const;

export const communityId = (letter: string) => `community-${letter.toLowerCase()}`;
export const gridId = (code: string) => `grid-${code.toLowerCase()}`;
const streetScope = { streetId: DEMO_STREET_ID };

function communityPeople(c: CommunitySpec): PersonSpec[] {
  const lower = c.letter.toLowerCase();
  const inCommunity = { ...streetScope, communityId: communityId(c.letter) };
  const allGrids = c.grids.map((g) => gridId(g.code));
  return [
    { key: `chief-${lower}`, ...c.chief, roles: [{ role: 'grid_chief', ...inCommunity, gridIds: allGrids }], title: `${c.name}网格长`, duties: '统筹社区各网格，督促网格员履职，协调处置上报事项' },
    { key: `community-${lower}`, ...c.staff, roles: [{ role: 'community_staff', ...inCommunity }], title: `${c.name}值班电话`, duties: '受理网格上报事项，社区内派单与督办' },
    ...c.grids.map((g, i): PersonSpec => {
      const roles: RoleGrant[] = [{ role: 'grid_officer', ...inCommunity, gridIds: [gridId(g.code)] }];
      // 一岗双责 (000 L9): the first officer of A is also a volunteer, so a demo user holds two roles.
      if (c.letter === 'A' && i === 0) roles.push({ role: 'volunteer', ...inCommunity });
      return { key: `officer-${g.code.toLowerCase()}`, ...g.officer, roles, duties: '日常巡查、入户走访、收集上报问题、政策宣传' };
    }),
  ];
}

function everyone(): PersonSpec[] {
  return [
    ...COMMUNITIES.flatMap(communityPeople),
    { key: 'street', ...STREET_STAFF, roles: [{ role: 'street_staff', ...streetScope }], title: '街道网格办', duties: '街道网格化工作统筹与督办' },
    { key: 'admin', ...ADMIN, roles: [{ role: 'admin', ...streetScope }], onBoard: false },
    ...VOLUNTEERS.map((v, i): PersonSpec => ({
      key: `volunteer-${i + 1}`,
      name: v.name,
      phone: v.phone,
      roles: [{ role: 'volunteer', ...streetScope, communityId: communityId(v.letter) }],
      onBoard: false,
    })),
    ...RESIDENTS.map((r, i): PersonSpec => ({
      key: `resident-${i + 1}`,
      name: r.name,
      phone: r.phone,
      roles: [{ role: 'resident', ...streetScope, communityId: communityId(r.grid[0]), gridIds: [gridId(r.grid)] }],
      onBoard: false,
    })),
  ];
}

const userIdOf = (key: string) => `user-${key}`;
const personIdOf = (key: string) => `person-${key}`;
export const demoOpenid = (key: string) => `demo-${key}`;

export function buildDemoData(now: Date): DemoData {
  const stamps = { version: 1, createdAt: now, updatedAt: now };
  const people = everyone();
  const users: UserRecord[] = people.map((p) => ({
    _id: userIdOf(p.key),
    openid: demoOpenid(p.key),
    name: p.name,
    phone: p.phone,
    roles: p.roles,
    prefs: { fontScale: 'standard' },
    ...stamps,
  }));
  const persons: PersonRecord[] = people
    .filter((p) => p.onBoard !== false)
    .map((p) => ({
      _id: personIdOf(p.key),
      streetId: DEMO_STREET_ID,
      name: p.name,
      phone: p.phone,
      ...(p.title ? { title: p.title } : {}),
      duties: p.duties ?? '',
      userId: userIdOf(p.key),
      ...stamps,
    }));
  const streetDuty = [personIdOf('street')];
  const streets: StreetRecord[] = [
    { _id: DEMO_STREET_ID, name: '网格通示范街道', district: '合肥市庐阳区', gridCodeScheme: 'letter', dutyPersonIds: streetDuty, ...stamps },
  ];
  const communities: CommunityRecord[] = COMMUNITIES.map((c) => ({
    _id: communityId(c.letter),
    streetId: DEMO_STREET_ID,
    name: c.name,
    letter: c.letter,
    dutyPersonIds: [personIdOf(`community-${c.letter.toLowerCase()}`)],
    enabled: true,
    ...stamps,
  }));
  const grids: GridRecord[] = COMMUNITIES.flatMap((c) => c.grids.map((g, i) => buildGrid(c, g, i, c.grids, streetDuty, stamps)));
  return { streets, communities, grids, persons, users };
}

function buildGrid(
  c: CommunitySpec,
  g: GridSpec,
  index: number,
  siblings: GridSpec[],
  streetDuty: string[],
  stamps: { version: number; createdAt: Date; updatedAt: Date },
): GridRecord {
  const lower = c.letter.toLowerCase();
  // AB岗 (001 L151): each officer is covered by the officer of the next grid in the community.
  const cover = siblings[(index + 1) % siblings.length];
  const members: GridMember[] = [
    { personId: personIdOf(`chief-${lower}`), role: 'grid_chief' },
    {
      personId: personIdOf(`officer-${g.code.toLowerCase()}`),
      role: 'grid_officer',
      employment: g.officer.employment,
      ...(cover !== g ? { coverPersonId: personIdOf(`officer-${cover.code.toLowerCase()}`) } : {}),
    },
  ];
  return {
    _id: gridId(g.code),
    streetId: DEMO_STREET_ID,
    communityId: communityId(c.letter),
    code: g.code,
    name: `${c.name}${['一', '二', '三', '四'][index]}号网格`,
    type: 'ordinary',
    households: g.households,
    population: g.population,
    boundary: g.boundary,
    enabled: true,
    members,
    communityName: c.name,
    upperDuty: { community: [personIdOf(`community-${lower}`)], street: streetDuty },
    ...stamps,
  };
}

/** The accounts table printed by `npm start`: who to log in as to see each role. */
export function demoAccounts(data: DemoData): Array<{ userId: string; openid: string; name: string; roles: string }> {
  return data.users.map((u) => ({ userId: u._id, openid: u.openid, name: u.name, roles: u.roles.map((r) => r.role).join(',') }));
}
