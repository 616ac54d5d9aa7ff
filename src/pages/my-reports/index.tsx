import Taro from '@tarojs/taro';
import { BigButton } from '../../components/big-button';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';
import { CaseList } from '../../components/case-list';
import { QueryBlock } from '../../components/case-list/query-block';
import { call } from '../../services/call';
import { useQuery } from '../../services/use-query';

/** 我的上报: the caller's own cases, newest first; each opens its progress page. */
export default function MyReportsPage() {
  const { state, reload } = useQuery(() => call('case', 'mine', {}));
  return (
    <PageShell title='我的上报'>
      <QueryBlock state={state} onRetry={reload}>
        {({ cases }) => (
          <Section heading={`共 ${cases.length} 件`}>
            <CaseList cases={cases} openUrl={(id) => `/pages/case/index?caseId=${encodeURIComponent(id)}`} empty='您还没有上报过问题。' />
          </Section>
        )}
      </QueryBlock>
      <BigButton kind='primary' onClick={() => void Taro.navigateTo({ url: '/pages/report/index' })}>
        我要上报
      </BigButton>
    </PageShell>
  );
}
