import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { groupsText } from '../../../domain/worklog/due';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { VISIT_NEW_URL } from '../worklog-shared/links';
import '../worklog-shared/worklog.scss';

const STATUS_TEXT = { overdue: '已逾期', open: '待完成', done: '已完成' } as const;

/** 待走访: this week's, month's and quarter's visits the street's rules ask for; last windows' misses first. */
export default function DueVisitsPage() {
  const { state, reload } = useQuery(() => call('worklog', 'myDueVisits', {}));
  return (
    <PageShell title='待走访'>
      <QueryView state={state} onRetry={reload}>
        {({ tasks, overdue, open }) => (
          <>
            <Section heading={`逾期 ${overdue} 项，待完成 ${open} 项`}>
              <BigButton kind='primary' onClick={() => void Taro.navigateTo({ url: VISIT_NEW_URL })}>
                记录一次走访
              </BigButton>
            </Section>
            <Section heading='走访任务'>
              {tasks.length === 0 && <View className='section__text'>暂时没有走访任务。</View>}
              {tasks.map((t) => (
                <View key={t.id} className='wl-row' aria-label={`${t.title} ${STATUS_TEXT[t.status]}`}>
                  <View className='wl-row__title'>
                    <View className={`wl-badge wl-badge--${t.status}`}>{STATUS_TEXT[t.status]}</View>
                    {t.title}
                  </View>
                  <View className='wl-row__meta'>
                    {t.window.label} · 已走访 {t.done}/{t.required} 次{t.groups?.length ? ` · ${groupsText(t.groups)}` : ''}
                  </View>
                  <View className='wl-row__meta'>依据：{t.reason}</View>
                </View>
              ))}
            </Section>
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
