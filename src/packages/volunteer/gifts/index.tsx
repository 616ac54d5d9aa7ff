import { useState } from 'react';
import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { QueryView } from '../../../components/query-view';
import { GiftRow } from './gift-row';
import { PickupCode } from './pickup-code';
import '../shared/volunteer.scss';

interface Redeemed {
  giftName: string;
  pickupCode: string;
  points: number;
}

/** 积分兑换 (001 L889 凭当年度积分): my community's gifts; after a redemption, the pickup code, big. */
export default function GiftsPage() {
  const [redeemed, setRedeemed] = useState<Redeemed | null>(null);
  const { state, reload } = useQuery(async () => {
    const [points, { gifts }] = await Promise.all([call('volunteer', 'myPoints', {}), call('volunteer', 'gifts', {})]);
    return { points, gifts: gifts.filter((g) => g.active) };
  });
  return (
    <PageShell title='兑换礼品'>
      {redeemed && <PickupCode giftName={redeemed.giftName} code={redeemed.pickupCode} points={redeemed.points} />}
      <QueryView state={state} onRetry={reload}>
        {({ points, gifts }) => (
          <>
            <Section heading='我可用的积分'>
              <View className='vol-done' role='status'>
                {points.year}年还可用 {points.yearAvailable} 分
              </View>
              <View className='section__help'>兑换只用当年的积分；累计积分不会清零。</View>
            </Section>
            <Section heading='可兑换的礼品'>
              {gifts.length === 0 && <View className='section__text'>社区还没有上架礼品。</View>}
              {gifts.map((g) => (
                <GiftRow
                  key={g.giftId}
                  gift={g}
                  available={points.yearAvailable}
                  onRedeemed={(r) => {
                    setRedeemed({ giftName: g.name, ...r });
                    reload();
                  }}
                />
              ))}
            </Section>
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
