export default definePageConfig({ navigationBarTitleText: '户况Excel导入导出' });
