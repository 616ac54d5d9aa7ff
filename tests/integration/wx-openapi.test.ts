import { WxOpenApiService } from '../../local-cloud/services/wx-openapi';
import { useTestCloud } from '../support/local-cloud-harness';
import { post } from './function-cloud';

/** The local WeChat through the real SDK's callWxOpenApi: WeChat's errcodes, not a lenient stand-in. */
describe('local WeChat open APIs through the SDK', () => {
  const t = useTestCloud({ extraServices: [new WxOpenApiService()] });
  const wx = async (apiName: string, requestData: Record<string, unknown>) => ((await t.app.callWxOpenApi({ apiName, requestData })) as { result: any }).result;

  it.each([
    ['a scene over 32 characters', { scene: 'g'.repeat(33), page: 'pages/grid/index' }, 40169],
    ['a scene with Chinese', { scene: '网格1', page: 'pages/grid/index' }, 40169],
    ['a scene with %', { scene: 'a%20b', page: 'pages/grid/index' }, 40169],
    ['a page the app lacks', { scene: 'grid-a1', page: 'pages/board/index' }, 41030],
    ['a page with a leading slash', { scene: 'grid-a1', page: '/pages/grid/index' }, 41030],
    ['a page with a query', { scene: 'grid-a1', page: 'pages/grid/index?gridId=grid-a1' }, 41030],
  ])('wxacode.getUnlimited refuses %s', async (_name, request, errcode) => {
    expect(await wx('wxacode.getUnlimited', request)).toMatchObject({ errcode });
  });

  it('wxacode.getUnlimited draws a code for a page of the app and a scene of the allowed characters', async () => {
    const png = Buffer.from(await wx('wxacode.getUnlimited', { scene: "g-a1!#$&'()*+,/:;=?@._~", page: 'pages/grid/index', check_path: false }), 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('subscribeMessage.send: 43101 before the user allowed it, ok once after, 43101 again', async () => {
    const message = {
      touser: 'demo-resident-1',
      template_id: 'TEMPLATE_CASE_PROGRESS',
      page: 'pages/case/index?caseId=case-1',
      data: { thing1: { value: '环境卫生' }, phrase2: { value: '已办结' }, thing3: { value: '已清理' }, time4: { value: '2026年12月1日 15:01' } },
    };
    expect(await wx('subscribeMessage.send', message)).toMatchObject({ errcode: 43101 });
    const allowed = await post(t.cloud.baseUrl, '/internal/wx/subscribe', { tmplIds: ['TEMPLATE_CASE_PROGRESS'], openid: 'demo-resident-1' });
    expect(allowed.body).toEqual({ errMsg: 'requestSubscribeMessage:ok', TEMPLATE_CASE_PROGRESS: 'accept' });
    expect(await wx('subscribeMessage.send', message)).toMatchObject({ errcode: 0, errmsg: 'ok' });
    expect(await wx('subscribeMessage.send', message)).toMatchObject({ errcode: 43101 });
  });

  it('subscribeMessage.send with the old outbox shape (ISO time, page that does not exist) is refused', async () => {
    await post(t.cloud.baseUrl, '/internal/wx/templates', { templateId: 'tpl-old', keys: ['thing1', 'time2'] });
    await post(t.cloud.baseUrl, '/internal/wx/subscribe', { tmplIds: ['tpl-old'], openid: 'o1' });
    const old = { touser: 'o1', template_id: 'tpl-old', data: { thing1: { value: '燃气味' }, time2: { value: '2026-12-07T01:00:00.000Z' } } };
    expect(await wx('subscribeMessage.send', { ...old, page: 'packages/case/detail/index?caseId=c' })).toMatchObject({ errcode: 41030 });
    expect(await wx('subscribeMessage.send', { ...old, page: 'pages/case/index?caseId=c' })).toMatchObject({ errcode: 47003, errmsg: expect.stringMatching(/^argument invalid! data\.time2\.value invalid/) });
  });
});
