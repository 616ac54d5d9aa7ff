/**
 * Evaluated in Node by Taro at build time, so `process.env.TARO_APP_LOCAL` here is the build's value
 * (config/app-env.ts): the dev-login page exists only in local builds.
 */
const residentPages = ['pages/index/index', 'pages/grid/index', 'pages/report/index', 'pages/my-reports/index', 'pages/case/index', 'pages/messages/index'];
const localOnlyPages = process.env.TARO_APP_LOCAL === 'true' ? ['pages/dev-login/index', 'pages/dev-notifications/index'] : [];

export default defineAppConfig({
  pages: [...residentPages, ...localOnlyPages],
  subPackages: [
    { root: 'packages/staff', pages: ['index/index', 'queue/index', 'case/index'] },
    // Grid workers' daily work (issue 14): patrol (patrol, check-in, finding, eight-reports, samples) and
    // visits, due list, daily log, compliance — one subpackage.
    {
      root: 'packages/worker',
      pages: ['patrol/index', 'check-in/index', 'finding/index', 'eight-reports/index', 'samples/index', 'visits/index', 'visit-new/index', 'due/index', 'log/index', 'compliance/index'],
    },
    // Meetings with sign-in (issue 14 item 5): attendees and organising staff.
    { root: 'packages/meeting', pages: ['index/index', 'meeting/index', 'schedule/index', 'organised/index'] },
    { root: 'packages/register', pages: ['index/index', 'household/index', 'person-add/index', 'care/index', 'move-out/index', 'handover/index', 'overdue/index', 'drafts/index', 'tenancy/index', 'excel/index'] },
    { root: 'packages/assess', pages: ['index/index', 'run/index', 'my/index', 'sheet/index', 'bulletin/index'] },
    // 统计看板 (issue 16): its own subpackage, so the chart library never weighs on the other packages.
    { root: 'packages/dashboard', pages: ['index/index', 'cases/index', 'worker/index'] },
    {
      root: 'packages/admin',
      pages: ['index/index', 'grid/index', 'grid-edit/index', 'members/index', 'people/index', 'person-edit/index', 'community-edit/index', 'categories/index', 'sla/index', 'audit/index', 'departments/index'],
    },
    {
      root: 'packages/volunteer',
      pages: [
        'index/index',
        'profile/index',
        'activities/index',
        'activity/index',
        'check-in/index',
        'points/index',
        'ranking/index',
        'publication/index',
        'gifts/index',
        'redemptions/index',
        'manage/index/index',
        'manage/activity-edit/index',
        'manage/activity/index',
        'manage/ledger/index',
        'manage/gifts/index',
        'manage/redemptions/index',
        'manage/quarterly/index',
        'manage/top/index',
        'manage/rules/index',
        'manage/approvals/index',
        'manage/roster/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '网格通',
    navigationBarTextStyle: 'black',
  },
  // onLocationChange + startLocationUpdate: foreground location during a patrol only (issue 14 item 1).
  requiredPrivateInfos: ['getLocation', 'chooseLocation', 'onLocationChange', 'startLocationUpdate'],
  // Photos, location and phone go through WeChat's privacy-authorisation flow (services/privacy.ts).
  __usePrivacyCheck__: true,
  permission: {
    'scope.userLocation': { desc: '用于确定您所在的网格、在上报问题时标注位置，以及网格员巡查时记录巡查轨迹' },
  },
  lazyCodeLoading: 'requiredComponents',
});
