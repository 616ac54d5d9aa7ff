import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CaseChoice } from '../../../components/case-choice';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { SubmitButton } from '../../../components/submit-button';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';
import { monthLabel, recentMonths, runUrl } from '../shared/links';

/** Street staff open a month's run: a table (the street's copies and the seeds'), the month, and for personal tables the community; community and department tables cover the street. */
export function OpenRunForm({ communities }: { communities: Array<{ id: string; name: string }> }) {
  const sets = useQuery(() => call('assess', 'ruleSets', {}));
  const months = recentMonths();
  // Assessing the month just finished is the usual case (000 L39 月考核); the current month stays selectable.
  const [month, setMonth] = useState(months[1]);
  const [ruleSetId, setRuleSetId] = useState<string | undefined>();
  const [communityId, setCommunityId] = useState<string | undefined>(communities[0]?.id);
  const submit = useSubmit();
  return (
    <Section heading='发起月度考核'>
      <QueryView state={sets.state} onRetry={sets.reload}>
        {({ ruleSets }) => {
          const usable = ruleSets;
          const chosen = usable.find((s) => s.id === ruleSetId);
          const open = () =>
            void submit.run(async () => {
              const { runId } = await call('assess', 'openRun', { ruleSetId: ruleSetId ?? '', month, ...(chosen?.subject === 'worker' && communityId ? { communityId } : {}) });
              await Taro.navigateTo({ url: runUrl(runId) });
            });
          return (
            <>
              <CaseChoice label='考核规则' options={usable.map((s) => ({ value: s.id, label: `${s.name}${s.shipped ? '' : '(本街道)'}` }))} value={ruleSetId} onChange={setRuleSetId} columns={1} error={submit.fields.ruleSetId} />
              <CaseChoice label='月份' options={months.map((m) => ({ value: m, label: monthLabel(m) }))} value={month} onChange={setMonth} columns={1} error={submit.fields.month} />
              {chosen?.subject === 'worker' && (
                <CaseChoice label='社区' options={communities.map((c) => ({ value: c.id, label: c.name }))} value={communityId} onChange={setCommunityId} columns={2} error={submit.fields.communityId} />
              )}
              {chosen?.subject === 'department' && <View className='section__help'>考核对象是本街道已启用的职能部门（在“网格与人员管理 → 职能部门管理”中维护）；部门成员不能为本部门评分。</View>}
              <SubmitButton submit={submit} disabled={!ruleSetId} onClick={open}>
                发起考核
              </SubmitButton>
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}
