export default definePageConfig({ navigationBarTitleText: '管理志愿活动', enableShareAppMessage: true });
