export default definePageConfig({ navigationBarTitleText: '户况' });
