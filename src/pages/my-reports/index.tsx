import Taro from '@tarojs/taro';
import { BigButton } from '../../components/big-button';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';
import { CaseList } from '../../components/case-list';
import { QueryBlock } from '../../components/case-list/query-block';
import { LoadMore } from '../../components/load-more';
import { call } from '../../services/call';
import { usePagedList } from '../../services/use-paged-list';

/** 我的上报: the caller's own cases, newest first, a page at a time; each opens its progress page. */
export default function MyReportsPage() {
  const { state, reload, loadMore } = usePagedList((after) => call('case', 'mine', after ? { after } : {}), 'cases');
  return (
    <PageShell title='我的上报'>
      <QueryBlock state={state.status === 'ready' ? { status: 'ready', data: state } : state} onRetry={reload}>
        {(list) => (
          <Section heading={list.next ? `最近 ${list.items.length} 件` : `共 ${list.items.length} 件`}>
            <CaseList cases={list.items} openUrl={(id) => `/pages/case/index?caseId=${encodeURIComponent(id)}`} empty='您还没有上报过问题。' />
            <LoadMore shown={list.items.length} next={list.next} more={list.more} onMore={loadMore} />
          </Section>
        )}
      </QueryBlock>
      <BigButton kind='primary' onClick={() => void Taro.navigateTo({ url: '/pages/report/index' })}>
        我要上报
      </BigButton>
    </PageShell>
  );
}
