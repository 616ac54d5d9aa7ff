export default definePageConfig({ navigationBarTitleText: '事件分类' });
