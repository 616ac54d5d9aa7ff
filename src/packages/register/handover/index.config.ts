export default definePageConfig({ navigationBarTitleText: '信息交接单' });
