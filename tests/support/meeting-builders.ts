import { contractCaller, type ContractCall } from './contract-call';
import { newRequestId } from './org-builders';

/** Test data for the `meeting` function: a caller bound to a demo user, and valid schedule payloads. */
export type MeetingCall = ContractCall<'meeting'>;

/** Actions without input may be called without data: the caller sends `{}` as the mini-program does. */
export async function meetingAs(baseUrl: string, userId: string): Promise<MeetingCall> {
  const call = await contractCaller(baseUrl, 'meeting', userId);
  return (action, data = {}) => call(action, data);
}

/** China wall-clock time as an ISO instant. */
export const chinaIso = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();

/** Community A's Friday-morning meeting (002 L27) on `date`, 09:00–10:00, with 张丽 and 李强 invited. */
export const aMeeting = (date: string, over: Record<string, unknown> = {}) => ({
  requestId: newRequestId('meeting'),
  kind: 'community_dispatch',
  place: '社区二楼会议室',
  startAt: chinaIso(date, '09:00'),
  endAt: chinaIso(date, '10:00'),
  attendeeIds: ['user-officer-a1', 'user-officer-a2'],
  ...over,
});
