export default definePageConfig({ navigationBarTitleText: '积分台账与更正' });
