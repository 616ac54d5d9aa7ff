import { DomainError } from '../../src/domain/errors';
import { attendanceIdFor, attendanceRecordSchema, canManageMeeting, meetingRecordSchema, type AttendanceRecord, type MeetingRecord } from '../../src/domain/meeting';
import { authorize, collectionOf, type Caller, type Invocation } from '../_lib';

/** The meeting function's two collections, through the one records accessor. */
export const meetingsOf = (call: Pick<Invocation, 'db'>) => collectionOf(call.db, 'meetings', meetingRecordSchema);
export const attendanceOf = (call: Pick<Invocation, 'db'>) => collectionOf(call.db, 'meeting_attendance', attendanceRecordSchema);

export async function requireMeeting(call: Invocation, meetingId: string): Promise<MeetingRecord> {
  const m = await meetingsOf(call).load(meetingId);
  if (!m) throw new DomainError('NOT_FOUND', '会议不存在或已删除', { meetingId: '会议不存在或已删除' });
  return m;
}

/** A meeting the caller manages (its community's staff, the street's staff); anyone else FORBIDDEN. */
export async function requireManagedMeeting(call: Invocation, caller: Caller, meetingId: string): Promise<MeetingRecord> {
  const m = await requireMeeting(call, meetingId);
  authorize(canManageMeeting(caller.roles, m), '只有组织会议的社区或街道工作人员可以管理这次会议');
  return m;
}

/** The caller's own invitation to a meeting; not invited → FORBIDDEN (nobody acts on another's invitation). */
export async function requireOwnAttendance(call: Invocation, caller: Caller, meetingId: string): Promise<{ meeting: MeetingRecord; attendance: AttendanceRecord }> {
  const attendance = await attendanceOf(call).load(attendanceIdFor(meetingId, caller.userId));
  authorize(attendance !== null, '您不在这次会议的参会名单中');
  return { meeting: await requireMeeting(call, meetingId), attendance: attendance! };
}
