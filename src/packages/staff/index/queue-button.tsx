import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { useOnShow } from '../../../services/use-on-show';
import { BigButton } from '../../../components/big-button';
import { QUEUES, queueUrl, type QueueKind } from '../queue/queues';

/** What the button says: the list, how many wait in it and how many are past their deadline. */
export function queueLabel(title: string, counts?: { total: number; overdueCount: number }): string {
  if (!counts) return title;
  if (counts.total === 0) return `${title}（无）`;
  return `${title}（${counts.total} 件${counts.overdueCount > 0 ? `，${counts.overdueCount} 件超时` : ''}）`;
}

/**
 * One work list on the workbench with its count and overdue count (issue 8 item 8), read as a one-item
 * page of the list each time the workbench shows; the plain title while loading or if that fails.
 */
export function QueueButton({ kind, primary }: { kind: QueueKind; primary: boolean }) {
  const [counts, setCounts] = useState<{ total: number; overdueCount: number }>();
  const load = useCallback(() => {
    QUEUES[kind]
      .load({ limit: 1 })
      .then((p) => setCounts({ total: p.total, overdueCount: p.overdueCount }))
      .catch(() => setCounts(undefined));
  }, [kind]);
  useOnShow(load);
  return (
    <BigButton kind={primary || (counts?.overdueCount ?? 0) > 0 ? 'primary' : 'default'} onClick={() => void Taro.navigateTo({ url: queueUrl(kind) })}>
      {queueLabel(QUEUES[kind].title, counts)}
    </BigButton>
  );
}
