import * as z from 'zod';
import { fontScaleSchema, roleGrantSchema } from './user';

/**
 * The `user` function's contract table. Its own module (not inline in api.ts) so that the user function
 * loads only its schemas: a function that imports the whole registry builds every context's zod schemas
 * at cold start (issue 13 item 2).
 */
export const meOutputSchema = z.object({
  userId: z.string(),
  name: z.string(),
  roles: z.array(roleGrantSchema),
  prefs: z.object({ fontScale: fontScaleSchema }),
  registered: z.boolean(),
});

export const userApi = {
  me: { input: z.object({}).strict(), output: meOutputSchema },
  updatePrefs: {
    input: z.object({ fontScale: fontScaleSchema }).strict(),
    output: z.object({ fontScale: fontScaleSchema, version: z.number() }),
  },
} as const;
