export default definePageConfig({ navigationBarTitleText: '礼品目录' });
