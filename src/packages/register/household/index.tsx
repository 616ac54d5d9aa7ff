import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { careUrl, moveOutUrl, personAddUrl, tenancyUrl } from '../shared/links';
import { RevealNumbers } from './reveal';

/** One household: its people (masked numbers), who lived here before, and what the worker can do next. */
export default function HouseholdPage() {
  const householdId = useRouter().params.householdId ?? '';
  const { state, reload } = useQuery(() => call('register', 'household', { householdId }));
  return (
    <PageShell title='户况'>
      <QueryView state={state} onRetry={reload}>
        {(v) => (
          <>
            <Section heading={v.household.address}>
              <View className='section__text'>{`${v.household.tenureLabel} · ${v.household.memberCount}人${v.household.headName ? ` · 户主${v.household.headName}` : ''}`}</View>
              {v.canWrite && (
                <BigButton kind='primary' onClick={() => void Taro.navigateTo({ url: personAddUrl(householdId) })}>
                  登记人员
                </BigButton>
              )}
            </Section>
            {v.people.map((p) => (
              <Section key={p.residentId} heading={`${p.name}（${p.relationLabel}）`}>
                <View className='section__text'>{`${p.sexLabel} · ${p.birthDate} · ${p.jobLabel}${p.partyMember ? ' · 党员' : ''}`}</View>
                {p.idMasked && <View className='section__text'>{`身份证 ${p.idMasked}`}</View>}
                {p.phoneMasked && <View className='section__text'>{`电话 ${p.phoneMasked}`}</View>}
                {p.careLabels.length > 0 && <View className='section__text' data-testid='care-labels'>{`特殊群体：${p.careLabels.join('、')}`}</View>}
                {v.canReveal && (p.idMasked || p.phoneMasked) && <RevealNumbers residentId={p.residentId} name={p.name} />}
                {v.canWrite && (
                  <View className='section__actions'>
                    <BigButton onClick={() => void Taro.navigateTo({ url: careUrl(householdId, p.residentId) })}>{`标记特殊群体（${p.name}）`}</BigButton>
                    <BigButton onClick={() => void Taro.navigateTo({ url: moveOutUrl(householdId, p.residentId) })}>{`迁出登记（${p.name}）`}</BigButton>
                  </View>
                )}
              </Section>
            ))}
            <Section heading='租房登记'>
              {v.tenancies.length === 0 && <View className='section__text'>没有在租的租房登记。</View>}
              {v.tenancies.map((t) => (
                <View key={t.tenancyId} className='section__text'>{`房东${t.landlordName} · 租户 ${t.tenantNames.join('、')} · ${t.moveInOn} 入住 · 上次见面 ${t.lastContactOn}`}</View>
              ))}
              {v.canWrite && <BigButton onClick={() => void Taro.navigateTo({ url: tenancyUrl(householdId) })}>租房登记与见面</BigButton>}
            </Section>
            {v.history.some((h) => h.to) && (
              <Section heading='曾住人员'>
                {v.history
                  .filter((h) => h.to)
                  .map((h) => (
                    <View key={`${h.residentId}-${h.from}`} className='section__text'>{`${h.name}（${h.relationLabel}） ${h.from} 至 ${h.to}`}</View>
                  ))}
              </Section>
            )}
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
