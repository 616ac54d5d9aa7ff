import { readAppPages } from './app-pages';
import { keywordProblem } from './keyword-rules';
import { SubscribeMessageInbox, type TemplateRegistry } from './subscribe-messages';

const NOW = new Date('2026-12-01T07:01:00Z');
const TEMPLATE = 'tpl-progress';
const pages = readAppPages();
const templates: TemplateRegistry = new Map([[TEMPLATE, ['thing1', 'phrase2', 'time3']]]);
const good = () => ({
  touser: 'openid-1',
  template_id: TEMPLATE,
  page: 'pages/case/index?caseId=case-1',
  data: { thing1: { value: '楼道堆物' }, phrase2: { value: '已签收' }, time3: { value: '2026年12月1日 15:01' } },
});

function inboxWithQuota(n = 1): SubscribeMessageInbox {
  const inbox = new SubscribeMessageInbox(() => templates, () => pages);
  for (let i = 0; i < n; i++) inbox.accept('openid-1', [TEMPLATE]);
  return inbox;
}

describe('local WeChat subscribeMessage.send answers what WeChat answers', () => {
  it('accepts a message that fits, once per accepted subscription, then 43101', () => {
    const inbox = inboxWithQuota(1);
    expect(inbox.send(good(), NOW)).toMatchObject({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });
    expect(inbox.list()).toHaveLength(1);
    expect(inbox.send(good(), NOW)).toMatchObject({ errcode: 43101, errmsg: expect.stringMatching(/^user refuse to accept the msg rid: /) });
    expect(inbox.list()).toHaveLength(1);
  });

  it('never sends to a user who did not subscribe (43101)', () => {
    const inbox = inboxWithQuota(0);
    expect(inbox.send(good(), NOW).errcode).toBe(43101);
  });

  it.each([
    ['an empty openid', { touser: '' }, 40003, /^invalid openid/],
    ['a template the mini-program does not have', { template_id: 'TEMPLATE_X' }, 40037, /^invalid template id/],
    ['a page the app does not have', { page: 'packages/case/detail/index?caseId=1' }, 41030, /^invalid page/],
    ['a page with a leading slash', { page: '/pages/case/index' }, 41030, /^invalid page/],
    ['an ISO time', { data: { ...good().data, time3: { value: '2026-12-01T07:01:00.000Z' } } }, 47003, /^argument invalid! data\.time3\.value invalid/],
    ['a thing over 20 characters', { data: { ...good().data, thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' } } }, 47003, /data\.thing1\.value invalid/],
    ['a phrase over 5 characters', { data: { ...good().data, phrase2: { value: '已上报街道督办' } } }, 47003, /data\.phrase2\.value invalid/],
    ['a missing keyword', { data: { thing1: { value: '楼道堆物' }, phrase2: { value: '已签收' } } }, 47003, /data\.time3\.value is empty/],
    ['a key the template lacks', { data: { ...good().data, thing9: { value: 'x' } } }, 47003, /data\.thing9\.value invalid/],
  ])('refuses %s', (_name, patch, errcode, errmsg) => {
    const inbox = inboxWithQuota(1);
    const answer = inbox.send({ ...good(), ...patch }, NOW);
    expect(answer.errcode).toBe(errcode);
    expect(answer.errmsg).toMatch(errmsg);
    expect(inbox.list()).toEqual([]);
    // A refused message does not use up the subscription.
    expect(inbox.quotaOf('openid-1')).toEqual({ [TEMPLATE]: 1 });
  });

  it('sends without a page (the card then opens nothing)', () => {
    const { page: _page, ...rest } = good();
    expect(inboxWithQuota(1).send(rest, NOW).errcode).toBe(0);
  });

  it('rejects subscribing to a template the mini-program does not have', () => {
    const inbox = inboxWithQuota(0);
    expect(inbox.accept('openid-1', [TEMPLATE, 'nope'])).toEqual({ [TEMPLATE]: 'accept', nope: 'reject' });
  });
});

describe('WeChat keyword value rules', () => {
  it.each([
    ['thing1', '楼道堆物，请尽快处理', true],
    ['thing1', '一二三四五六七八九十一二三四五六七八九十', true],
    ['thing1', '一二三四五六七八九十一二三四五六七八九十一', false],
    ['number2', '12.5', true],
    ['number2', '12a', false],
    ['letter3', 'abc', true],
    ['letter3', 'ab1', false],
    ['symbol4', '%#', true],
    ['character_string5', 'case-0123456789abcdef0123', true],
    ['character_string5', '事件001', false],
    ['character_string5', 'x'.repeat(33), false],
    ['time6', '15:01', true],
    ['time6', '2019年10月1日 15:01', true],
    ['time6', '2019年10月1日 15:01 ~ 2019年10月1日 18:00', true],
    ['time6', '2026-12-01T07:01:00.000Z', false],
    ['date7', '2019年10月1日', true],
    ['date7', '2019年10月1日 15:01', true],
    ['date7', '下周一', false],
    ['amount8', '¥100.50', true],
    ['amount8', '100元', true],
    ['amount8', '一百元', false],
    ['phone_number9', '+86-0766-66888866', true],
    ['phone_number9', '0766-66888866 转 8', false],
    ['car_number10', '粤A8Z888挂', true],
    ['car_number10', '粤A8Z8888挂', false],
    ['name11', '张三', true],
    ['name11', '一二三四五六七八九十一', false],
    ['phrase12', '配送中', true],
    ['phrase12', '已上报街道督办', false],
    ['phrase12', 'ok', false],
  ])('%s = %s → %s', (key, value, fits) => {
    expect(keywordProblem(key, value) === null).toBe(fits);
  });

  it('an unknown keyword type is invalid', () => {
    expect(keywordProblem('keyword1', 'x')).toBe('argument invalid! data.keyword1.value invalid');
  });
});
