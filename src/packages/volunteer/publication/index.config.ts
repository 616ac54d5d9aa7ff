export default definePageConfig({ navigationBarTitleText: '每月积分公示' });
