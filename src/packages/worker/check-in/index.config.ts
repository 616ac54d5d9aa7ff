export default definePageConfig({ navigationBarTitleText: '楼栋打卡' });
