export default definePageConfig({ navigationBarTitleText: '八必报' });
