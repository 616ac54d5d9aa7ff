import { DEFAULT_TEMPLATES, NOTIFICATION_KINDS, shapeSubscribeMessage } from '../../../src/domain/notification';
import { readAppPages } from './app-pages';
import { SubscribeMessageInbox, type TemplateRegistry } from './subscribe-messages';

/** The app's shaping against the local WeChat's own rules: every kind, awkward inputs, WeChat says ok. */
describe('every notification the app shapes is accepted by the local WeChat', () => {
  const registry: TemplateRegistry = new Map(Object.values(DEFAULT_TEMPLATES).map((t) => [t.templateId, Object.keys(t.keywords)]));
  const inbox = new SubscribeMessageInbox(() => registry, readAppPages);
  const awkward = [
    { categoryLabel: '环境卫生', body: '短' },
    { categoryLabel: '一个特别特别特别长的事件类别名称超过二十个字符', body: '换行\n和  空格\t以及 emoji 🚧 还有英文 ABC 123，'.repeat(5) },
    { categoryLabel: ' ', body: '' },
  ];

  it.each(NOTIFICATION_KINDS.flatMap((kind) => awkward.map((a) => [kind, a] as const)))('%s %j', (kind, a) => {
    const template = DEFAULT_TEMPLATES[kind];
    inbox.accept('openid-x', [template.templateId]);
    const message = shapeSubscribeMessage({ kind, subjectId: 'case-0123456789abcdef0123', at: new Date('2026-12-31T23:59:00Z'), ...a }, template);
    expect(inbox.send({ touser: 'openid-x', ...message }, new Date())).toMatchObject({ errcode: 0 });
  });
});
