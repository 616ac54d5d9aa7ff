import { callFunction, loginAs, post } from '../integration/function-cloud';
import type { SweepResult } from '../../cloudfunctions/escalate';
import { runTimer, type ContractCall } from './contract-call';
import { jpegBytes, newRequestId } from './org-builders';

/** Test data for the `case` function: a valid report, a signed-in caller, the clock and the timer. */
export type CaseCall = ContractCall<'case'>;

export async function caseCaller(baseUrl: string, userId: string): Promise<CaseCall> {
  const cookie = await loginAs(baseUrl, userId);
  return async (action, data) => (await callFunction(baseUrl, 'case', action, data, cookie)).body;
}

export const aReport = (over: Record<string, unknown> = {}) => ({
  requestId: newRequestId('report'),
  gridId: 'grid-a1',
  categoryId: 'rubbish',
  description: '小区东门垃圾桶满溢，气味很大',
  location: { lat: 31.86, lng: 117.28, address: '肥东路 12 号' },
  anonymous: false,
  ...over,
});

/** Uploads a small JPEG as `call`'s user and returns its file id. */
export async function uploadedPhoto(call: CaseCall): Promise<string> {
  const answer = await call('uploadPhoto', { mimeType: 'image/jpeg', dataBase64: jpegBytes().toString('base64') });
  if (!answer.ok) throw new Error(`upload failed: ${JSON.stringify(answer)}`);
  return answer.data.fileId;
}

export async function setClock(baseUrl: string, iso: string): Promise<void> {
  await post(baseUrl, '/internal/clock', { set: iso, freeze: true });
}

export async function advanceClock(baseUrl: string, ms: number): Promise<void> {
  await post(baseUrl, '/internal/clock', { advanceMs: ms });
}

export const runEscalate = (baseUrl: string) => runTimer<SweepResult>(baseUrl, 'escalate');
