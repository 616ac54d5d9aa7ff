import { meetingApi } from '../../src/domain/meeting/api';
import { defineFunction } from '../_lib';
import { decideLeave, requestLeave, signIn } from './attend';
import { meeting, mine, organised } from './lists';
import { cancel, invitees, schedule } from './schedule';

/**
 * The `meeting` function (issue 14 item 5): community and street staff schedule meetings and see who came;
 * attendees sign in with the meeting's code and ask for leave. Attendance feeds the worklog compliance
 * (cloudfunctions/worklog/compliance-facts.ts) and the assessment facts (cloudfunctions/assess/store.ts).
 */
export const main = defineFunction('meeting', meetingApi, { invitees, schedule, organised, mine, meeting, signIn, requestLeave, decideLeave, cancel });
