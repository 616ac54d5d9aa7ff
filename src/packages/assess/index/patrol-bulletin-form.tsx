import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CaseChoice } from '../../../components/case-choice';
import { Section } from '../../../components/section';
import { SubmitButton } from '../../../components/submit-button';
import { halfMonthOf, recentHalfMonths } from '../../../domain/assessment/patrol-bulletin';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';
import { patrolBulletinPath } from '../shared/links';

type Scope = { communityId: string | null; name: string };
const STREET = 'street';

/**
 * 生成巡查通报 (002 L151 每半月…以《巡查通报》的方式通报): a half-month that is over and a scope the caller
 * may make it for; the same choice again opens the same frozen 通报.
 */
export function PatrolBulletinForm({ scopes }: { scopes: Scope[] }) {
  // The device clock only offers choices; the function refuses a half-month not yet over by its own clock.
  const halves = recentHalfMonths(Date.now(), 4);
  const [half, setHalf] = useState(halves[0]);
  const [scope, setScope] = useState(scopes[0]?.communityId ?? STREET);
  const submit = useSubmit();
  const make = () =>
    void submit.run(async () => {
      const made = await call('assess', 'patrolBulletin', { halfMonth: half, ...(scope !== STREET ? { communityId: scope } : {}) });
      await Taro.navigateTo({ url: `/${patrolBulletinPath(made.bulletinId)}` });
    });
  return (
    <Section heading='半月巡查通报'>
      <View className='section__help'>按半月统计每位网格员的巡查天数、时长、漏巡、楼栋打卡和发现问题，生成后不再改动。</View>
      <CaseChoice label='半月' options={halves.map((h) => ({ value: h, label: halfMonthOf(h).label }))} value={half} onChange={setHalf} columns={1} error={submit.fields.halfMonth} />
      {scopes.length > 1 && (
        <CaseChoice label='范围' options={scopes.map((s) => ({ value: s.communityId ?? STREET, label: s.name }))} value={scope} onChange={setScope} columns={2} error={submit.fields.communityId} />
      )}
      <SubmitButton submit={submit} onClick={make}>
        生成巡查通报
      </SubmitButton>
    </Section>
  );
}
