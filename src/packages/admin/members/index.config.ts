export default definePageConfig({ navigationBarTitleText: '安排网格人员' });
