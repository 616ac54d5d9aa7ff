import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { QueryBlock } from '../../../components/case-list/query-block';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { QUEUE_KINDS, QUEUES } from '../queue/queues';
import { QueueButton } from './queue-button';
import { SubscribePrompt } from '../../../components/subscribe-prompt';
import { MESSAGES_URL, messagesLabel } from '../../../pages/messages/links';
import { useUnread } from '../../../pages/messages/use-unread';
import { assessEntries } from '../../assess/shared/entries';
import { registerEntries } from '../../register/shared/entries';
import { worklogEntries } from '../../worker/worklog-shared/links';
import { meetingEntries } from '../../meeting/shared/links';
import { PATROLLING_ROLES as PATROL_ROLES } from '../../../domain/patrol/access';
import { EIGHT_REPORTS_URL, PATROL_URL, SAMPLES_URL } from '../../../services/worker-links';

/** Who checks on-the-spot findings (抽查, 004 L41): the grid chief and the community. */
const SAMPLER_ROLES = ['grid_chief', 'community_staff'] as const;
import { canReadStats } from '../../../domain/stats/scope';

/** 网格工作台: the work lists the caller's roles open (officer inbox, community/street queues, 督办), each with its counts. */
export default function StaffHomePage() {
  const { state, reload } = useQuery(async () => {
    const me = await call('user', 'me', {});
    // From 1 November, while next year's 放假安排 is unconfirmed (issue 12); judged on the server's clock.
    // Someone without a case role has no calendar to see: no banner rather than an error.
    const calendar = await call('case', 'calendarStatus', {}).catch(() => null);
    return { ...me, calendarWarning: calendar?.warning?.message ?? null };
  });
  const unread = useUnread();
  return (
    <PageShell title='网格工作台'>
      <QueryBlock state={state} onRetry={reload}>
        {(me) => {
          const held = new Set(me.roles.map((g) => g.role));
          const kinds = QUEUE_KINDS.filter((k) => QUEUES[k].roles.some((r) => held.has(r)));
          return (
            <>
              <Section heading={`${me.name}，您好`}>
                {me.calendarWarning && (
                  <View className='section__error' role='alert'>
                    {me.calendarWarning}
                  </View>
                )}
                {kinds.length === 0 && <View className='section__text'>您没有需要办理的事件列表。</View>}
                <View className='section__actions'>
                  {kinds.map((k) => (
                    <QueueButton key={k} kind={k} primary={k === kinds[0]} />
                  ))}
                  {PATROL_ROLES.some((r) => held.has(r)) && (
                    <BigButton kind={kinds.length === 0 ? 'primary' : 'default'} onClick={() => void Taro.navigateTo({ url: PATROL_URL })}>
                      开始巡查
                    </BigButton>
                  )}
                  {PATROL_ROLES.some((r) => held.has(r)) && <BigButton onClick={() => void Taro.navigateTo({ url: EIGHT_REPORTS_URL })}>八必报</BigButton>}
                  {SAMPLER_ROLES.some((r) => held.has(r)) && <BigButton onClick={() => void Taro.navigateTo({ url: SAMPLES_URL })}>当场处置抽查</BigButton>}
                  {canReadStats(me.roles) && <BigButton onClick={() => void Taro.navigateTo({ url: '/packages/dashboard/index/index' })}>统计看板</BigButton>}
                  <BigButton onClick={() => void Taro.navigateTo({ url: '/pages/report/index' })}>巡查上报问题</BigButton>
                  <BigButton onClick={() => void Taro.navigateTo({ url: MESSAGES_URL })}>{messagesLabel(unread)}</BigButton>
                  {[...worklogEntries(held), ...meetingEntries(held), ...registerEntries(held)].map((e) => (
                    <BigButton key={e.url} onClick={() => void Taro.navigateTo({ url: e.url })}>
                      {e.label}
                    </BigButton>
                  ))}
                  {assessEntries(held).map((e) => (
                    <BigButton key={e.url} onClick={() => void Taro.navigateTo({ url: e.url })}>
                      {e.label}
                    </BigButton>
                  ))}
                </View>
              </Section>
              {kinds.length > 0 && <SubscribePrompt what='有新事件交给您、事件快超时或已超时' />}
            </>
          );
        }}
      </QueryBlock>
    </PageShell>
  );
}
