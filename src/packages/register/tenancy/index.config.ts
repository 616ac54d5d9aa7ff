export default definePageConfig({ navigationBarTitleText: '租房登记' });
