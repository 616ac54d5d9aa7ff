export default definePageConfig({ navigationBarTitleText: '网格与人员管理' });
