import { parseInput } from '../validation';
import { DomainError } from '../errors';
import { CASE_ACTIONS } from '../case/case-command';
import {
  DEFAULT_TEMPLATES,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATE_PHRASES,
  notificationsForAction,
  resolveRecipients,
  shapeSubscribeMessage,
  streetTemplatesSchema,
  subscribeTemplateIds,
  templatesFromStored,
  thingValue,
  timeValue,
} from '.';

describe('shaping a notification for its template', () => {
  const facts = { kind: 'case_accepted' as const, subjectId: 'case-0123456789abcdef0123', categoryLabel: '环境卫生', body: '3 栋楼道堆满了纸箱和旧家具，影响通行，请尽快清理', at: new Date('2026-12-01T07:01:00Z') };

  it('fills each keyword from its fact, in WeChat formats, and opens the resident case page', () => {
    expect(shapeSubscribeMessage(facts, DEFAULT_TEMPLATES.case_accepted)).toEqual({
      template_id: 'TEMPLATE_CASE_PROGRESS',
      page: 'pages/case/index?caseId=case-0123456789abcdef0123',
      data: {
        thing1: { value: '环境卫生' },
        phrase2: { value: '已签收' },
        thing3: { value: '3 栋楼道堆满了纸箱和旧家具，影响通行…' },
        time4: { value: '2026年12月1日 15:01' },
      },
    });
  });

  it('staff messages open the staff case page', () => {
    expect(shapeSubscribeMessage({ ...facts, kind: 'case_overdue' }, DEFAULT_TEMPLATES.case_overdue).page).toBe('packages/staff/case/index?caseId=case-0123456789abcdef0123');
  });

  it('a thing is one line of at most 20 characters', () => {
    expect([...thingValue('一二三四五六七八九十\n一二三四五六七八九十一二')].length).toBe(20);
    expect(thingValue('  ')).toBe('无');
  });

  it('time is China time whatever the server zone, 24-hour', () => {
    expect(timeValue(new Date('2026-12-31T16:05:00Z'))).toBe('2027年1月1日 00:05');
  });

  it('every state phrase is at most five Chinese characters', () => {
    for (const k of NOTIFICATION_KINDS) expect(NOTIFICATION_STATE_PHRASES[k]).toMatch(/^\p{Script=Han}{1,5}$/u);
  });
});

describe('a street saving its templates', () => {
  const save = (templates: unknown) => parseInput(streetTemplatesSchema, templates);

  it('accepts keywords whose type fits the fact', () => {
    expect(save({ case_resolved: { templateId: 'AbC-123_x', keywords: { thing2: 'category', date5: 'time', character_string1: 'caseNo' } } })).toBeTruthy();
  });

  it.each([
    [{ case_resolved: { templateId: 'x', keywords: { number1: 'category' } } }, 'case_resolved.keywords.number1'],
    [{ case_resolved: { templateId: 'x', keywords: { keyword1: 'category' } } }, 'case_resolved.keywords.keyword1'],
    [{ case_resolved: { templateId: 'x', keywords: { thing1: 'time' } } }, 'case_resolved.keywords.thing1'],
    [{ case_resolved: { templateId: 'x', keywords: { phrase1: 'summary' } } }, 'case_resolved.keywords.phrase1'],
    [{ case_resolved: { templateId: '', keywords: { thing1: 'category' } } }, 'case_resolved.templateId'],
    [{ no_such: { templateId: 'x', keywords: { thing1: 'category' } } }, 'no_such'],
  ])('refuses %j naming %s', (templates, field) => {
    try {
      save(templates);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(Object.keys((e as DomainError).fields ?? {})).toContain(field);
    }
  });

  it('reads an old document with bare template ids, keeping the default keywords', () => {
    const t = templatesFromStored({ case_accepted: 'real-id', case_overdue: { templateId: 'real-2', keywords: { thing1: 'summary' } }, junk: 1 });
    expect(t.case_accepted).toEqual({ ...DEFAULT_TEMPLATES.case_accepted, templateId: 'real-id' });
    expect(t.case_overdue).toEqual({ templateId: 'real-2', keywords: { thing1: 'summary' } });
    expect(t.case_resolved).toEqual(DEFAULT_TEMPLATES.case_resolved);
  });

  it('asks residents and staff for their own templates, at most 3', () => {
    expect(subscribeTemplateIds(DEFAULT_TEMPLATES, 'reporter')).toEqual(['TEMPLATE_CASE_PROGRESS']);
    expect(subscribeTemplateIds(DEFAULT_TEMPLATES, 'staff')).toEqual(['TEMPLATE_CASE_TODO']);
  });
});

describe('who is notified', () => {
  const ctx = { reporterId: 'r', ownerId: 'o', actorId: 'o', staff: { community: ['c1', 'c2'], street: ['s1'] } };

  it('sign-for tells the reporter', () => {
    expect(resolveRecipients(notificationsForAction('accept', 'accepted'), ctx)).toEqual([{ toUserId: 'r', kind: 'case_accepted' }]);
  });

  it('handing up tells the reporter and the community staff', () => {
    expect(resolveRecipients(notificationsForAction('escalate_to_community', 'escalated_to_community'), ctx)).toEqual([
      { toUserId: 'r', kind: 'case_escalated' },
      { toUserId: 'c1', kind: 'case_assigned' },
      { toUserId: 'c2', kind: 'case_assigned' },
    ]);
  });

  it('nobody is told about what they did themselves', () => {
    expect(resolveRecipients(notificationsForAction('return', 'returned'), { ...ctx, actorId: 'r' })).toEqual([]);
  });

  it('a failed check goes back to the owner; a passed one tells nobody', () => {
    expect(resolveRecipients(notificationsForAction('verify', 'in_progress'), { ...ctx, actorId: 'v' })).toEqual([{ toUserId: 'o', kind: 'case_assigned' }]);
    expect(notificationsForAction('verify', 'verified')).toEqual([]);
  });

  it('every action has a rule', () => {
    for (const a of CASE_ACTIONS) expect(Array.isArray(notificationsForAction(a, 'closed'))).toBe(true);
  });
});
