export default definePageConfig({ navigationBarTitleText: '待确认的户况变动' });
