export default definePageConfig({ navigationBarTitleText: '网格员记录' });
