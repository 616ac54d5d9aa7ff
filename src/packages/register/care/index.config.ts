export default definePageConfig({ navigationBarTitleText: '特殊群体' });
