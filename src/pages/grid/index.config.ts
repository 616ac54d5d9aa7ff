export default definePageConfig({ navigationBarTitleText: '网格公示牌', enableShareAppMessage: true });
