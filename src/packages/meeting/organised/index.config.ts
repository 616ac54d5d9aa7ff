export default definePageConfig({ navigationBarTitleText: '组织的会议' });
