export default definePageConfig({ navigationBarTitleText: '当场处置抽查' });
