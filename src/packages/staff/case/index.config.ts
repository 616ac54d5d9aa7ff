export default definePageConfig({ navigationBarTitleText: '办理事件' });
