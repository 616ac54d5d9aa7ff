export { chinaInstant, type Instant } from './china-time';
export {
  DEFAULT_WORKING_CALENDAR,
  workingCalendarConfigSchema,
  workingPeriodSchema,
  type WorkingCalendarConfig,
  type WorkingCalendarConfigInput,
} from './config';
export { HOLIDAY_DATA_UNTIL, isWorkingDate } from './working-day';
export { addWorkingTime, halfWorkingDay, isWorkingInstant, workingDay, workingTimeBetween } from './working-time';
