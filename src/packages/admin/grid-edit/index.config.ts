export default definePageConfig({ navigationBarTitleText: '网格信息' });
