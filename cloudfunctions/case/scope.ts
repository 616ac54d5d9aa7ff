import { grantCovers, type CaseActor } from '../../src/domain/case/case-actor';
import type { Role } from '../../src/domain/user';
import type { Caller } from '../_lib';
import type { StoredCase } from './records';

/** Roles that work on cases; everyone else (residents, volunteers) sees only their own reports (PRODUCT.md §11). */
export const STAFF_ROLES: readonly Role[] = ['grid_officer', 'grid_chief', 'assistant', 'community_staff', 'street_staff', 'admin'];

export const actorOf = (caller: Caller): CaseActor => ({ userId: caller.userId, roles: caller.roles });

/** Staff whose grant covers the stored case's street / community / grid (grantCovers, case-actor.ts). */
export const isStaffOver = (caller: Caller, c: StoredCase): boolean =>
  caller.roles.some((g) => STAFF_ROLES.includes(g.role) && grantCovers(g, c));

export const isReporter = (caller: Caller, c: StoredCase): boolean => c.reporterId === caller.userId;

/** Who may open a case at all: its reporter, or staff whose scope covers it. */
export const canSee = (caller: Caller, c: StoredCase): boolean => isReporter(caller, c) || isStaffOver(caller, c);

export const isStaff = (caller: Caller): boolean => caller.roles.some((g) => STAFF_ROLES.includes(g.role));

/** "张丽" → "张*": staff names are masked for residents (PRODUCT.md §11 "personal data is minimised"). */
export const maskName = (name: string): string => (name.length <= 1 ? name : `${name[0]}${'*'.repeat(Math.min(2, name.length - 1))}`);
