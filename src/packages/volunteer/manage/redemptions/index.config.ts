export default definePageConfig({ navigationBarTitleText: '礼品领取登记' });
