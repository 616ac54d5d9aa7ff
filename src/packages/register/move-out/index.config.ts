export default definePageConfig({ navigationBarTitleText: '迁出登记' });
