import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { call, isCallError } from '../../../services/call';
import { sendOrQueue } from '../../../services/offline-queue';
import { newRequestId } from '../../../services/request-id';
import { PATROL_URL } from '../../../services/worker-links';
import '../shared/worker.scss';

type Outcome = { kind: 'sending' } | { kind: 'done'; text: string } | { kind: 'queued'; text: string } | { kind: 'failed'; text: string };

/**
 * The page a building's QR code opens (scene = the building): during a patrol it records a check-in
 * there at once; offline, the check-in waits on the device (same request id) and is sent later.
 */
export default function CheckInPage() {
  const scene = decodeURIComponent(useRouter().params.scene ?? '');
  const [requestId] = useState(newRequestId);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'sending' });

  useEffect(() => {
    if (!scene) {
      setOutcome({ kind: 'failed', text: '没有读到楼栋码，请重新扫码' });
      return;
    }
    const data = { requestId, scene };
    sendOrQueue('patrol', 'checkIn', data, () => call('patrol', 'checkIn', data))
      .then((r) => {
        if ('data' in r) setOutcome({ kind: 'done', text: `已打卡：${r.data.buildingName}` });
        else if (r.queued) setOutcome({ kind: 'queued', text: '网络不畅，打卡已保存在手机上，联网后自动上传' });
        else setOutcome({ kind: 'failed', text: r.message });
      })
      .catch((e: unknown) => {
        if (!isCallError(e)) throw e;
        setOutcome({ kind: 'failed', text: e.fields.scene ?? e.message });
      });
  }, [scene, requestId]);

  return (
    <PageShell title='楼栋打卡'>
      <Section heading={outcome.kind === 'done' ? '打卡成功' : outcome.kind === 'failed' ? '没有打卡' : '楼栋打卡'}>
        <View className={outcome.kind === 'failed' ? 'section__error' : 'worker-clock'} role={outcome.kind === 'failed' ? 'alert' : 'status'}>
          {outcome.kind === 'sending' ? '正在打卡…' : outcome.text}
        </View>
        <BigButton kind='primary' onClick={() => void Taro.redirectTo({ url: PATROL_URL })}>
          回到巡查
        </BigButton>
      </Section>
    </PageShell>
  );
}
