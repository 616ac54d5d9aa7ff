import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { LOG_DAY_STATUS_LABELS } from '../../../domain/worklog/daily-log';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';
import { dateLabel } from '../worklog-shared/links';
import '../worklog-shared/worklog.scss';

/** 工作日志 (日清周结): today's log drafted from the records, the worker's notes, and the week with missing days. */
export default function WorkLogPage() {
  const { state, reload } = useQuery(async () => {
    const [day, week] = await Promise.all([call('worklog', 'dayLog', {}), call('worklog', 'weekLog', {})]);
    return { day, week };
  });
  const [notes, setNotes] = useState<string>();
  const submit = useSubmit();
  return (
    <PageShell title='工作日志'>
      <QueryView state={state} onRetry={reload}>
        {({ day, week }) => {
          const text = notes ?? day.log?.notes ?? '';
          const send = async () => {
            const res = await submit.run(() => call('worklog', 'submitDayLog', { date: day.date, notes: text, ...(day.log ? { expectedVersion: day.log.version } : {}) }));
            if (!res) return;
            await Taro.showToast({ title: '日志已提交', icon: 'success' });
            setNotes(undefined);
            reload();
          };
          return (
            <>
              <Section heading={`${dateLabel(day.date)}的日志${day.log ? '（已提交）' : ''}`}>
                <View className='section__text'>
                  巡查 {day.draft.summary.patrolMinutes} 分钟 · 走访 {day.draft.summary.visits} 户 · 上报 {day.draft.summary.casesFiled} 件 · 办理 {day.draft.summary.casesHandled} 件 · 当场处置 {day.draft.summary.onSpot} 件
                </View>
                {day.draft.lines.map((line, i) => (
                  <View key={i} className='wl-row__meta'>
                    {line}
                  </View>
                ))}
                {day.draft.lines.length === 0 && <View className='section__text'>今天还没有巡查、走访或事件记录。</View>}
                <Field label='补充记录' kind='multiline' value={text} onChange={setNotes} error={submit.fields.notes ?? submit.fields.date} maxLength={1000} placeholder='记录本子上没有的情况、需要交接的事项' />
                {submit.message !== '' && (
                  <View className='section__error' role='alert'>
                    {submit.message}
                  </View>
                )}
                {day.canSubmit && (
                  <BigButton kind='primary' disabled={submit.busy} onClick={() => void send()}>
                    {day.log ? '修改并重新提交' : '提交今天的日志（日清）'}
                  </BigButton>
                )}
              </Section>
              <Section heading={`本周（${week.week.label}）`}>
                {week.missing.length > 0 && (
                  <View className='section__error' role='alert'>
                    未提交：{week.missing.map(dateLabel).join('、')}
                  </View>
                )}
                {week.days.map((d) => (
                  <View key={d.date} className='wl-row'>
                    <View className={`wl-badge wl-badge--${d.status}`}>{LOG_DAY_STATUS_LABELS[d.status]}</View>
                    {dateLabel(d.date)}
                    {d.summary ? ` · 巡查 ${d.summary.patrolMinutes} 分钟 · 走访 ${d.summary.visits} 户` : ''}
                  </View>
                ))}
                <View className='section__text'>
                  周结：巡查 {week.totals.patrolMinutes} 分钟，走访 {week.totals.visits} 户，上报 {week.totals.casesFiled} 件，当场处置 {week.totals.onSpot} 件
                </View>
              </Section>
            </>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
