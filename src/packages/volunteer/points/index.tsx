import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { VolunteerLedgerList } from '../../../components/volunteer-ledger-list';
import { VolunteerPoints } from '../../../components/volunteer-points';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { ledgerLines } from '../shared/ledger-lines';
import { QueryView } from '../../../components/query-view';
import '../shared/volunteer.scss';

/** 我的积分: this year's and all-time points, and every ledger line behind them. */
export default function MyPointsPage() {
  const { state, reload } = useQuery(async () => {
    const [points, ledger] = await Promise.all([call('volunteer', 'myPoints', {}), call('volunteer', 'ledger', {})]);
    return { points, ledger };
  });
  return (
    <PageShell title='我的积分'>
      <QueryView state={state} onRetry={reload}>
        {({ points, ledger }) => (
          <>
            <Section heading='积分合计'>
              <VolunteerPoints year={points.year} yearPoints={points.yearEarned} totalPoints={points.allTime} available={points.yearAvailable} />
            </Section>
            <Section heading='积分明细'>
              <VolunteerLedgerList lines={ledgerLines(ledger.entries)} emptyText='还没有积分记录。参加活动并签到，活动完成后就有积分了。' />
            </Section>
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
