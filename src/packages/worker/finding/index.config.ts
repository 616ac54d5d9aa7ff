export default definePageConfig({ navigationBarTitleText: '巡查发现问题' });
