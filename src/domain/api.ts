import * as z from 'zod';
import { userApi } from './user-api';
import { boardApi, orgApi } from './org/api';
import { caseApi } from './case/api';
import { volunteerApi } from './volunteer/api';
import { patrolApi } from './patrol/api';
import { worklogApi } from './worklog/api';
import { statsApi } from './stats/api';
import { assessApi } from './assessment/api';
import { registerApi } from './register/api';
import { meetingApi } from './meeting/api';

/**
 * The contract of every cloud function action: input schema (parsed at the function edge and used by
 * forms) and output type. `call(fn, action, data)` in src/services is typed from this table, and each
 * function's router is checked against it, so an action cannot exist on one side only.
 *
 * Cloud functions do not import this registry: each passes its own context's table to defineFunction,
 * so a cold start builds only that context's schemas (issue 13 item 2; this whole table cost ~200 ms of
 * CPU per cold start). The app and the tests use it whole.
 */
export { meOutputSchema } from './user-api';

export const api = {
  user: userApi,
  board: boardApi,
  org: orgApi,
  case: caseApi,
  volunteer: volunteerApi,
  patrol: patrolApi,
  worklog: worklogApi,
  stats: statsApi,
  assess: assessApi,
  register: registerApi,
  meeting: meetingApi,
} as const;

export type Api = typeof api;
export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { input: z.ZodType }
  ? z.input<Api[F][A]['input']>
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { output: z.ZodType }
  ? z.infer<Api[F][A]['output']>
  : never;

