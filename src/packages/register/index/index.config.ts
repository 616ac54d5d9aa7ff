export default definePageConfig({ navigationBarTitleText: '户况登记' });
