export default definePageConfig({ navigationBarTitleText: '社区街道督办' });
