export default definePageConfig({ navigationBarTitleText: '待走访' });
