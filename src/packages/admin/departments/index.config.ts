export default definePageConfig({ navigationBarTitleText: '职能部门' });
