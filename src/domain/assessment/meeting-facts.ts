import { attendanceLabel, attendanceOutcome, type AttendanceFact, type LeavePolicy } from '../meeting/attendance';
import { MAX_EVIDENCE_PER_FACT, type CountFact, type EvidenceRef } from './facts';
import type { RunSubject } from './records';

/**
 * Meeting facts of a run from the attendance records (issue 14 item 5): 002 L27 pays per meeting attended
 * ("參加…調度會，獎20元/次"); an absence is a settled invitation not attended (approved leave is excused when
 * the street's rule `meetings_leave_excused` says so). A worker's are their own invitations; a community's,
 * those of its people. The evidence names each meeting.
 */
export interface MeetingInvitation extends AttendanceFact {
  /** The invitation's `_id`: what the evidence links to. */
  id: string;
  attendeeName: string;
  attendeeCommunityId?: string;
}

export function meetingFacts(subject: RunSubject, invitations: readonly MeetingInvitation[], policy: LeavePolicy, now: Date): { attended: CountFact; absent: CountFact } {
  const mine = invitations
    .filter((i) => (subject.kind === 'worker' ? i.userId === subject.id : i.attendeeCommunityId === subject.communityId))
    .sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  const attended: EvidenceRef[] = [];
  const absent: EvidenceRef[] = [];
  for (const i of mine) {
    const { outcome, status } = attendanceOutcome(i, policy, now);
    const label = `${subject.kind === 'worker' ? '' : `${i.attendeeName} `}${attendanceLabel(i, status)}`.slice(0, 80);
    // Evidence ids are at most 80 characters; an invitation of an unusually long user id links to its meeting.
    const ref: EvidenceRef = { kind: 'meeting', id: i.id.length <= 80 ? i.id : i.meetingId, label };
    if (outcome === 'attended') attended.push(ref);
    if (outcome === 'missed') absent.push(ref);
  }
  return {
    attended: { kind: 'count', count: attended.length, evidence: attended.slice(0, MAX_EVIDENCE_PER_FACT) },
    absent: { kind: 'count', count: absent.length, evidence: absent.slice(0, MAX_EVIDENCE_PER_FACT) },
  };
}
