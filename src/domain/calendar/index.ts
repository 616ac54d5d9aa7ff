export { chinaInstant, chinaWall, type Instant } from './china-time';
export {
  DEFAULT_ARRANGEMENT_WARN_FROM,
  DEFAULT_WORKING_CALENDAR,
  workingCalendarConfigSchema,
  workingPeriodSchema,
  yearArrangementSchema,
  type WorkingCalendarConfig,
  type WorkingCalendarConfigInput,
  type YearArrangement,
} from './config';
export { arrangementWarning, type ArrangementWarning } from './arrangement-status';
export { parseHolidayNotice, type NoticeItem, type NoticeParse } from './notice-parser';
export { FESTIVAL_LABELS, STATUTORY_RULES, statutoryHolidays, type StatutoryFestival, type StatutoryHoliday } from './statutory';
export { BUNDLED_YEARS, bundledArrangement, HOLIDAY_DATA_UNTIL, holidaySourceOf, isWorkingDate, type HolidaySource } from './working-day';
export { addWorkingTime, halfWorkingDay, isWorkingInstant, workingDay, workingTimeBetween } from './working-time';
