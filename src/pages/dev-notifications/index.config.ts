export default definePageConfig({ navigationBarTitleText: '通知发送记录' });
