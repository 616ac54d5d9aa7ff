import type { ContractCall } from './contract-call';
import { callFunction, loginAs, post } from '../integration/function-cloud';
import { aReport, caseCaller, uploadedPhoto, type CaseCall } from './case-builders';

/** Test helpers for the statistics: a signed-in `stats` caller, the timer, and a case walked to an outcome. */
export type StatsCall = ContractCall<'stats'>;

export async function statsCaller(baseUrl: string, userId: string): Promise<StatsCall> {
  const cookie = await loginAs(baseUrl, userId);
  return async (action, data) => (await callFunction(baseUrl, 'stats', action, data, cookie)).body;
}

export const runStatsTimer = async (baseUrl: string) => (await post(baseUrl, '/internal/timers/statsdaily/run', {})).body;

const act = async (call: CaseCall, caseId: string, command: unknown) => {
  const detail = await call('detail', { caseId });
  const answer = await call('act', { caseId, expectedVersion: detail.data?.version ?? 1, command });
  if (!answer.ok) throw new Error(`${JSON.stringify(command)} failed: ${JSON.stringify(answer.error)}`);
  return answer;
};

/** The people of the demo street's grid A1 who take a case through the workflow. */
export async function gridA1People(baseUrl: string) {
  return {
    resident: await caseCaller(baseUrl, 'user-resident-1'),
    officer: await caseCaller(baseUrl, 'user-officer-a1'),
    chief: await caseCaller(baseUrl, 'user-chief-a'),
  };
}
type People = Awaited<ReturnType<typeof gridA1People>>;

export async function fileCase(p: People, over: Record<string, unknown> = {}): Promise<string> {
  const answer = await p.resident('report', aReport(over));
  if (!answer.ok) throw new Error(`report failed: ${JSON.stringify(answer.error)}`);
  return answer.data.caseId;
}

/** 签收 → 办结 → 核查 → 评价: a case closed with the resident's rating. */
export async function closeWithRating(p: People, caseId: string, rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied') {
  await act(p.officer, caseId, { type: 'accept' });
  await act(p.officer, caseId, { type: 'resolve', note: '已处理', photos: [await uploadedPhoto(p.officer)] });
  await act(p.chief, caseId, { type: 'verify', passed: true });
  const rated = await p.resident('rate', { caseId, rating });
  if (!rated.ok) throw new Error(`rate failed: ${JSON.stringify(rated.error)}`);
}

export async function returnCase(p: People, caseId: string) {
  await act(p.officer, caseId, { type: 'return', reason: '重复上报' });
}
