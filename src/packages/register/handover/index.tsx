import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';

/** 信息交接单 (000 L35): the changes of the caller's scope; the community line owner acknowledges them. */
export default function HandoverPage() {
  const { state, reload } = useQuery(async () => {
    const [changes, me] = await Promise.all([call('register', 'changes', { limit: 50 }), call('user', 'me', {})]);
    return { ...changes, canAcknowledge: me.roles.some((g) => g.role === 'community_staff') };
  });
  const submit = useSubmit();
  const acknowledge = async (changeId: string, expectedVersion: number) => {
    const done = await submit.run(() => call('register', 'acknowledgeHandover', { changeId, expectedVersion, reply: '已收到并更新底册' }));
    if (done) reload();
  };
  return (
    <PageShell title='信息交接单'>
      <QueryView state={state} onRetry={reload}>
        {({ items, canAcknowledge }) => (
          <>
            {submit.message !== '' && <View className='section__error' role='alert'>{submit.message}</View>}
            {items.length === 0 && <Section heading='没有交接单'><View className='section__text'>暂无信息变动。</View></Section>}
            {items.map((c) => (
              <Section key={c.changeId} heading={c.summary}>
                <View className='section__text'>{`${c.kindLabel} · 发生于 ${c.occurredOn}`}</View>
                <View className='section__text' data-testid='handover-state'>
                  {c.handoverState === 'acknowledged' ? `已签收${c.acknowledgedByName ? `（${c.acknowledgedByName}）` : ''}${c.reply ? `：${c.reply}` : ''}` : `待社区签收，期限 ${c.handoverDueAt.slice(0, 10)}`}
                </View>
                {canAcknowledge && c.handoverState === 'pending' && (
                  <BigButton kind='primary' disabled={submit.busy} onClick={() => void acknowledge(c.changeId, c.version)}>
                    {`签收（${c.summary}）`}
                  </BigButton>
                )}
              </Section>
            ))}
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
