import { useState } from 'react';
import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { asQuery, usePagedList } from '../../../services/use-paged-list';
import { LoadMore } from '../../../components/load-more';
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
  const points = useQuery(() => call('volunteer', 'myPoints', {}));
  // The function lists a volunteer only the gifts on the shelf, a page at a time.
  const list = usePagedList((after) => call('volunteer', 'gifts', after ? { after } : {}), 'gifts');
  const reload = () => {
    points.reload();
    list.reload();
  };
  return (
    <PageShell title='兑换礼品'>
      {redeemed && <PickupCode giftName={redeemed.giftName} code={redeemed.pickupCode} points={redeemed.points} />}
      <QueryView state={points.state} onRetry={reload}>
        {(p) => (
          <>
            <Section heading='我可用的积分'>
              <View className='vol-done' role='status'>
                {p.year}年还可用 {p.yearAvailable} 分
              </View>
              <View className='section__help'>兑换只用当年的积分；累计积分不会清零。</View>
            </Section>
            <Section heading='可兑换的礼品'>
              <QueryView state={asQuery(list.state)} onRetry={list.reload}>
                {({ items: gifts, next, total, more }) => (
                  <>
                    {gifts.length === 0 && <View className='section__text'>社区还没有上架礼品。</View>}
                    {gifts.map((g) => (
                      <GiftRow
                        key={g.giftId}
                        gift={g}
                        available={p.yearAvailable}
                        onRedeemed={(r) => {
                          setRedeemed({ giftName: g.name, ...r });
                          reload();
                        }}
                      />
                    ))}
                    <LoadMore shown={gifts.length} next={next} total={total} more={more} onMore={list.loadMore} unit='项' />
                  </>
                )}
              </QueryView>
            </Section>
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
