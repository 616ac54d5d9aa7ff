export default definePageConfig({ navigationBarTitleText: '考核管理' });
