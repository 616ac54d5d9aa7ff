export default definePageConfig({ navigationBarTitleText: '待审批的活动分值' });
