import { View } from '@tarojs/components';
import { CaseChoice } from '../case-choice';
import { QueryView } from '../query-view';
import { call } from '../../services/call';
import { useQuery } from '../../services/use-query';

/**
 * The household a 户况有变动 note is about: the households of the caller's grids (only `gridId`'s when
 * given: the case's grid; remount with `key` when it changes), one big tile each. The register answers only within the caller's scope, so an
 * officer is never offered another grid's household (the function refuses one anyway).
 */
export function HouseholdChoice({ gridId, value, onChange, error }: { gridId?: string; value: string; onChange: (id: string) => void; error?: string }) {
  const { state, reload } = useQuery(() => call('register', 'households', { ...(gridId ? { gridId } : {}), limit: 100 }));
  return (
    <QueryView state={state} onRetry={reload}>
      {({ items }) =>
        items.length === 0 ? (
          <View className='section__error'>您的网格还没有登记住户，请先在户况登记中添加。</View>
        ) : (
          <CaseChoice label='发生变动的住户' columns={1} options={items.map((h) => ({ value: h.householdId, label: `${h.address}${h.headName ? `（户主 ${h.headName}）` : ''}` }))} value={value || undefined} onChange={onChange} error={error} />
        )
      }
    </QueryView>
  );
}
