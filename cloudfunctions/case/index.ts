import { caseApi } from '../../src/domain/case/api';
import { defineFunction, getApp, type FunctionMain, type PlatformContext } from '../_lib';
import { act, rate } from './act';
import { detail } from './detail';
import { categories, inbox, mine, notifications, overdue, queue, readNotifications, satisfaction, saveCategories } from './lists';
import { acceptSubscriptions, subscriptionTemplates } from './subscriptions';
import { report, uploadPhoto } from './report';
import { saveSla, saveTemplates, streetConfig } from './street-config';
import { calendarStatus } from './calendar-status';

/**
 * The `case` function (PRODUCT.md §4–§6): reporting, the workflow, queues, feedback. Every action
 * loads its caller from `users` and checks role and scope on the stored case or grid (§11).
 */
function caseHandlers(app: ReturnType<typeof getApp>) {
  return defineFunction('case', caseApi, {
    categories,
    saveCategories,
    streetConfig,
    saveSla,
    calendarStatus,
    saveTemplates,
    uploadPhoto: (input, call) => uploadPhoto(input, call, app),
    report,
    mine,
    inbox,
    queue,
    overdue,
    detail: (input, call) => detail(input, call, app),
    act,
    rate,
    satisfaction,
    notifications: (input, call) => notifications(input, call),
    readNotifications,
    subscriptionTemplates,
    acceptSubscriptions,
  });
}

// Storage needs this invocation's SDK app (locally: the local cloud's URL from the context), as in org.
export const main: FunctionMain = (event, context?: PlatformContext) => caseHandlers(getApp(context))(event, context);
