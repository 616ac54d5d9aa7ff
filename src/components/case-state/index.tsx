import { View } from '@tarojs/components';
import { CASE_STATE_LABELS, stateGroupOf, type CaseState } from '../../domain/case/case-state';
import './index.scss';

/** The case's state as a coloured label; the colour comes from the state's group, the words from the domain. */
export function CaseStateTag({ state }: { state: CaseState }) {
  return <View className={`case-state case-state--${stateGroupOf({ state })}`}>{CASE_STATE_LABELS[state]}</View>;
}
