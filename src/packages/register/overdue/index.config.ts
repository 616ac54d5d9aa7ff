export default definePageConfig({ navigationBarTitleText: '户况超期清单' });
