import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { z } from 'zod';
import type { patrolSummarySchema, samplingSchema } from '../../../domain/patrol/api';
import { elapsedLabel } from '../../../domain/patrol/track';
import { BigButton } from '../../../components/big-button';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { trackLocation } from '../../../services/location-track';
import { flushQueue, flushWhenOnline, queueCall, usePendingLabel } from '../../../services/offline-queue';
import { newRequestId } from '../../../services/request-id';
import { useSubmit } from '../../../services/use-submit';
import { EIGHT_REPORTS_URL, findingUrl } from '../../../services/worker-links';
import { ScanBuilding } from './scan-building';

type Summary = z.infer<typeof patrolSummarySchema>;
type Sampling = z.infer<typeof samplingSchema>;

/** The clock ticks each second; a minute is what the rule counts. */
const TICK_MS = 1000;

/** Elapsed time since the patrol's start (server time), redrawn every second. */
function useElapsed(startedAt: string): string {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(id);
  }, []);
  return elapsedLabel(now - Date.parse(startedAt));
}

/**
 * A running patrol: elapsed time, foreground location sampling throttled to the street's interval (each
 * point queued on the device and sent — in batches while the network is away), building check-in, a
 * problem as a case or 当场处置 in one tap, the 八必报 sheet, and the end.
 */
export function RunningPatrol({ patrol, sampling, onEnded }: { patrol: Summary; sampling: Sampling; onEnded: () => void }) {
  const elapsed = useElapsed(patrol.startedAt);
  const [locationProblem, setLocationProblem] = useState('');
  const [points, setPoints] = useState(patrol.pointCount);
  const pending = usePendingLabel();
  const submit = useSubmit();

  useEffect(() => {
    const stopSampling = trackLocation(
      sampling.minPointIntervalSeconds * 1000,
      (point) => {
        const answer = queueCall('patrol', 'appendPoints', { patrolId: patrol.patrolId, requestId: newRequestId(), points: [point] }, sampling.maxPointsPerBatch);
        if (answer.queued) setPoints((n) => n + 1);
        else setLocationProblem(answer.message);
      },
      setLocationProblem,
    );
    const stopListening = flushWhenOnline();
    void flushQueue();
    return () => {
      stopSampling();
      stopListening();
    };
  }, [patrol.patrolId, sampling.minPointIntervalSeconds, sampling.maxPointsPerBatch]);

  const end = async () => {
    const ok = await Taro.showModal({ title: '结束巡查', content: `本次已巡查 ${elapsed}，确定结束吗？` }).then((r) => r.confirm);
    if (!ok) return;
    // The points taken so far go first; the end is sent when they are, or refused plainly offline.
    await flushQueue();
    const ended = await submit.run(() => call('patrol', 'end', { patrolId: patrol.patrolId }));
    if (ended) {
      void Taro.showToast({ title: `已结束，巡查 ${ended.patrol.minutes} 分钟`, icon: 'none' });
      onEnded();
    }
  };

  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <>
      <Section heading={`正在巡查：${patrol.gridName}`}>
        <View className='worker-clock' role='timer' aria-label={`已巡查${elapsed}`}>
          {elapsed}
        </View>
        <View className='worker-status'>已记录位置 {points} 次 · 已打卡 {patrol.checkInCount} 栋</View>
        {pending.label && (
          <View className='worker-pending' role='status'>
            {pending.label}（联网后自动上传）
          </View>
        )}
        {pending.refused.slice(-1).map((r) => (
          <View key={r.id} className='section__error' role='alert'>
            有一条记录没有保存：{r.message}
          </View>
        ))}
        {locationProblem && <View className='section__error'>{locationProblem}</View>}
        <View className='section__actions'>
          <ScanBuilding />
          <BigButton kind='primary' onClick={() => go(findingUrl(patrol.patrolId, 'case'))}>
            发现问题，上报
          </BigButton>
          <BigButton onClick={() => go(findingUrl(patrol.patrolId, 'on_spot'))}>当场处置</BigButton>
          <BigButton onClick={() => go(`${EIGHT_REPORTS_URL}?patrolId=${encodeURIComponent(patrol.patrolId)}`)}>八必报</BigButton>
        </View>
      </Section>
      <Section heading='结束'>
        {submit.message && (
          <View className='section__error' role='alert'>
            {submit.message}
          </View>
        )}
        <BigButton onClick={() => void end()} disabled={submit.busy}>
          {submit.busy ? '正在结束…' : '结束巡查'}
        </BigButton>
      </Section>
    </>
  );
}
