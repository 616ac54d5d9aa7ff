import { DEFAULT_WORKING_CALENDAR } from '../calendar';
import { chinaInstant } from '../calendar/china-time';
import { dueDateOf, dueInstantOf, DEFAULT_REGISTER_DEADLINES, monthsAfter, workingDaysAfter } from './deadlines';

const cal = DEFAULT_WORKING_CALENDAR;

describe('register deadlines on the working calendar', () => {
  it('a change on an ordinary Monday is due the following Monday (5 working days)', () => {
    expect(workingDaysAfter('2026-11-30', 5, cal)).toBe('2026-12-07');
  });

  it('counts the 调休 Saturday after National Day as a working day and skips the holiday week', () => {
    // 2026: 1–7 Oct off, Saturday 10 Oct worked (State Council arrangement, bundled table).
    expect(workingDaysAfter('2026-09-30', 3, cal)).toBe('2026-10-10');
    expect(dueDateOf('2026-09-30', DEFAULT_REGISTER_DEADLINES.change, cal)).toBe('2026-10-13');
  });

  it('gives a new arrival one calendar month, the 31st becoming the month end', () => {
    expect(dueDateOf('2026-01-15', DEFAULT_REGISTER_DEADLINES.new_arrival, cal)).toBe('2026-02-15');
    expect(monthsAfter('2026-01-31', 1)).toBe('2026-02-28');
    expect(monthsAfter('2027-12-31', 2)).toBe('2028-02-29');
  });

  it('is overdue from the midnight after the due date, China time', () => {
    expect(dueInstantOf('2026-10-13').getTime()).toBe(chinaInstant('2026-10-14', '00:00'));
  });

  it('every default rule says where its number comes from', () => {
    for (const rule of Object.values(DEFAULT_REGISTER_DEADLINES)) expect(rule.reason).toMatch(/\d{3} L\d+/);
  });
});
