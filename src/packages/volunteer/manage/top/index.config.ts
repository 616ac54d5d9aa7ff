export default definePageConfig({ navigationBarTitleText: '年度前50名' });
