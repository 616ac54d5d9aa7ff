export default definePageConfig({ navigationBarTitleText: '网格工作台' });
