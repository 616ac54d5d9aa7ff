import { chinaWall } from '../../../domain/calendar/china-time';
/** The register's pages (subpackage packages/register). */
export const REGISTER_HOME_URL = '/packages/register/index/index';
export const householdUrl = (householdId: string) => `/packages/register/household/index?householdId=${encodeURIComponent(householdId)}`;
export const personAddUrl = (householdId: string) => `/packages/register/person-add/index?householdId=${encodeURIComponent(householdId)}`;
export const careUrl = (householdId: string, residentId: string) => `/packages/register/care/index?householdId=${encodeURIComponent(householdId)}&residentId=${encodeURIComponent(residentId)}`;
export const moveOutUrl = (householdId: string, residentId: string) => `/packages/register/move-out/index?householdId=${encodeURIComponent(householdId)}&residentId=${encodeURIComponent(residentId)}`;
export const tenancyUrl = (householdId: string) => `/packages/register/tenancy/index?householdId=${encodeURIComponent(householdId)}`;
export const EXCEL_URL = '/packages/register/excel/index';
export const HANDOVER_URL = '/packages/register/handover/index';
export const OVERDUE_URL = '/packages/register/overdue/index';
export const DRAFTS_URL = '/packages/register/drafts/index';

/** Today in China as YYYY-MM-DD (the default date of a change; the function refuses a future one). */
export function chinaToday(): string {
  return chinaWall(Date.now()).toISOString().slice(0, 10);
}
