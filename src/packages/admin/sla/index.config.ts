export default definePageConfig({ navigationBarTitleText: '处置时限' });
