import { z } from 'zod';
import { DomainError } from '../../src/domain/errors';
import { roleGrantSchema, type RoleGrant } from '../../src/domain/user';
import type { Invocation } from './define-function';

/** The caller as stored in `users`; roles and scopes come from here, never from the payload. */
export interface Caller {
  userId: string;
  name: string;
  roles: RoleGrant[];
}

const storedCallerSchema = z.object({
  _id: z.string(),
  name: z.string(),
  roles: z.array(roleGrantSchema).default([]),
});

/** The caller's record, or null for a visitor WeChat knows but we do not (one indexed read). */
export async function findCaller({ db, openid }: Invocation): Promise<Caller | null> {
  const { data } = await db.collection('users').where({ openid }).limit(1).get();
  if (!data.length) return null;
  const user = storedCallerSchema.parse(data[0]);
  return { userId: user._id, name: user.name, roles: user.roles };
}

/** For staff actions: a visitor with no record is refused like anyone without the role. */
export async function requireCaller(call: Invocation): Promise<Caller> {
  const caller = await findCaller(call);
  if (!caller) throw new DomainError('FORBIDDEN', '您没有权限进行此操作');
  return caller;
}

/** Throws FORBIDDEN unless the predicate holds: every action checks role and scope (PRODUCT.md §11). */
export function authorize(allowed: boolean, message = '您没有权限进行此操作'): void {
  if (!allowed) throw new DomainError('FORBIDDEN', message);
}
