import { LoadMore } from '../../../components/load-more';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { VolunteerLedgerList } from '../../../components/volunteer-ledger-list';
import { VolunteerPoints } from '../../../components/volunteer-points';
import { call } from '../../../services/call';
import { asQuery, usePagedList } from '../../../services/use-paged-list';
import { useQuery } from '../../../services/use-query';
import { ledgerLines } from '../shared/ledger-lines';
import { QueryView } from '../../../components/query-view';
import '../shared/volunteer.scss';

/** 我的积分: this year's and all-time points, and the ledger lines behind them, newest first, a page at a time. */
export default function MyPointsPage() {
  const points = useQuery(() => call('volunteer', 'myPoints', {}));
  const ledger = usePagedList((after) => call('volunteer', 'ledger', after ? { after } : {}), 'entries');
  return (
    <PageShell title='我的积分'>
      <QueryView state={points.state} onRetry={points.reload}>
        {(p) => (
          <Section heading='积分合计'>
            <VolunteerPoints year={p.year} yearPoints={p.yearEarned} totalPoints={p.allTime} available={p.yearAvailable} />
          </Section>
        )}
      </QueryView>
      <Section heading='积分明细'>
        <QueryView state={asQuery(ledger.state)} onRetry={ledger.reload}>
          {(s) => (
            <>
              <VolunteerLedgerList lines={ledgerLines(s.items)} emptyText='还没有积分记录。参加活动并签到，活动完成后就有积分了。' />
              <LoadMore shown={s.items.length} next={s.next} total={s.total} more={s.more} onMore={ledger.loadMore} unit='条' />
            </>
          )}
        </QueryView>
      </Section>
    </PageShell>
  );
}
