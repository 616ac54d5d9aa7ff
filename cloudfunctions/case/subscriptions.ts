import type { z } from 'zod';
import type { caseApi } from '../../src/domain/case/api';
import { subscribeTemplateIds, subscriptionId, type NotificationReader } from '../../src/domain/notification';
import { subscriptionRecordSchema } from '../../src/domain/notification/records';
import { activityRecordSchema, signupId, signupRecordSchema } from '../../src/domain/volunteer/records';
import { authorize, collectionOf, findCaller, requireCaller, type Database, type Invocation } from '../_lib';
import { loadCase } from './records';
import { canSee, isStaff, STAFF_ROLES } from './scope';
import { loadStreetConfig } from './street-config';

type Input<A extends keyof typeof caseApi> = z.infer<(typeof caseApi)[A]['input']>;

/**
 * WeChat's one-time subscriptions (subscribeMessage): each 允许 the user taps in
 * `wx.requestSubscribeMessage` lets the mini-program send ONE message with that template. WeChat keeps
 * that count and tells nobody; so the client reports each acceptance here and the notify timer takes one
 * from `subscriptions` before every send, never sending without one (a send without one is refused with
 * 43101 anyway). Document per user and template: `{ userId, templateId, count }`.
 */
/**
 * subscriptionTemplates: the templates to ask the caller about at this moment — after filing or
 * viewing their case, the street's resident templates; after signing up for an activity, the street's
 * volunteer templates; a staff member opening the workbench, their street's staff templates.
 */
export async function subscriptionTemplates(input: Input<'subscriptionTemplates'>, call: Invocation) {
  const caller = await findCaller(call);
  if (!caller) return { templateIds: [] };
  let streetId: string | undefined;
  let reader: NotificationReader;
  if (input.activityId) {
    // Only someone signed up is reminded, so only they are asked.
    const signup = await collectionOf(call.db, 'signups', signupRecordSchema).load(signupId(input.activityId, caller.userId));
    authorize(signup !== null, '您没有报名这个活动');
    streetId = (await collectionOf(call.db, 'activities', activityRecordSchema).require(input.activityId, '活动')).streetId;
    reader = 'volunteer';
  } else if (input.caseId) {
    const c = await loadCase(call, input.caseId);
    authorize(canSee(caller, c), '您无权查看此事件');
    streetId = c.streetId;
    reader = c.reporterId === caller.userId ? 'reporter' : 'staff';
  } else {
    authorize(isStaff(caller), '您没有权限进行此操作');
    streetId = caller.roles.find((g) => STAFF_ROLES.includes(g.role))?.streetId;
    reader = 'staff';
  }
  if (!streetId) return { templateIds: [] };
  const config = await loadStreetConfig(call.db, streetId);
  return { templateIds: subscribeTemplateIds(config.templates, reader) };
}

/** acceptSubscriptions: the templates the user just allowed (WeChat's answer `<id>: 'accept'`), one send each. */
export async function acceptSubscriptions(input: Input<'acceptSubscriptions'>, call: Invocation) {
  const caller = await requireCaller(call);
  const ids = [...new Set(input.templateIds)];
  await Promise.all(ids.map((templateId) => addOne(call.db, caller.userId, templateId, call.now)));
  return { accepted: ids.length };
}

async function addOne(db: Database, userId: string, templateId: string, now: Date): Promise<void> {
  const _ = db.command;
  const _id = subscriptionId(userId, templateId);
  const subscriptions = collectionOf(db, 'subscriptions', subscriptionRecordSchema);
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await subscriptions.updateWhere({ _id }, { count: _.inc(1), updatedAt: now })) === 1) return;
    // Another acceptance may create it between the two calls: then increment that one.
    if ((await subscriptions.insertOnce({ _id, userId, templateId, count: 1, createdAt: now, updatedAt: now })).created) return;
  }
  throw new Error(`subscription ${_id} could not be recorded`);
}
