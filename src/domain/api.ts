import { z } from 'zod';
import { fontScaleSchema, roleGrantSchema } from './user';
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
 */
export const meOutputSchema = z.object({
  userId: z.string(),
  name: z.string(),
  roles: z.array(roleGrantSchema),
  prefs: z.object({ fontScale: fontScaleSchema }),
  registered: z.boolean(),
});

export const api = {
  user: {
    me: { input: z.object({}).strict(), output: meOutputSchema },
    updatePrefs: {
      input: z.object({ fontScale: fontScaleSchema }).strict(),
      output: z.object({ fontScale: fontScaleSchema, version: z.number() }),
    },
  },
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

