export default definePageConfig({ navigationBarTitleText: '季度积分汇总' });
