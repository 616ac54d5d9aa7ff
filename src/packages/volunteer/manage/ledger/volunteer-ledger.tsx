import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../../components/big-button';
import { Field } from '../../../../components/field';
import { Section } from '../../../../components/section';
import { VolunteerLedgerList } from '../../../../components/volunteer-ledger-list';
import { call } from '../../../../services/call';
import { asQuery, usePagedList } from '../../../../services/use-paged-list';
import { LoadMore } from '../../../../components/load-more';
import { useSubmit } from '../../../../services/use-submit';
import { ledgerLines } from '../../shared/ledger-lines';
import { QueryView } from '../../../../components/query-view';
import type { LedgerEntryView } from '../../shared/types';

/**
 * One volunteer's ledger, newest first, a page at a time. A confirmed award is never edited: 更正 appends a
 * reversing entry with a reason.
 */
export function VolunteerLedger({ volunteerId }: { volunteerId: string }) {
  const list = usePagedList((after) => call('volunteer', 'ledger', { volunteerId, ...(after ? { after } : {}) }), 'entries');
  const reload = list.reload;
  const [correcting, setCorrecting] = useState('');
  return (
    <QueryView state={asQuery(list.state)} onRetry={reload}>
      {(s) => {
        const ledger = s.page;
        const byId = new Map(s.items.map((e) => [e.entryId, e]));
        const lines = ledgerLines(s.items).map((l) => {
          const entry = byId.get(l.key) as LedgerEntryView;
          const correctable = entry.kind === 'award' && !entry.correctedBy;
          return {
            ...l,
            action: !correctable ? undefined : correcting === entry.entryId ? (
              <CorrectionForm entry={entry} onDone={() => { setCorrecting(''); reload(); }} />
            ) : (
              <BigButton onClick={() => setCorrecting(entry.entryId)}>更正这条（{l.pointsText}）</BigButton>
            ),
          };
        });
        return (
          <Section heading={`${ledger.name}的积分：累计 ${ledger.allTime} 分`}>
            <View className='section__help'>已确认的积分不能修改。记错了，点“更正这条”写明理由，系统另记一条冲正记录。</View>
            <VolunteerLedgerList lines={lines} />
            <LoadMore shown={s.items.length} next={s.next} total={s.total} more={s.more} onMore={list.loadMore} unit='条' />
          </Section>
        );
      }}
    </QueryView>
  );
}

function CorrectionForm({ entry, onDone }: { entry: LedgerEntryView; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const send = async () => {
    const done = await submit.run(() => call('volunteer', 'correct', { entryId: entry.entryId, reason }));
    if (!done) return;
    await Taro.showToast({ title: '已更正', icon: 'success' });
    onDone();
  };
  return (
    <View>
      <Field label='更正理由' value={reason} onChange={setReason} error={submit.fields.reason} placeholder='如 未实际到场，误记' maxLength={200} />
      {submit.message !== '' && !submit.fields.reason && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void send()}>
        {submit.busy ? '正在更正…' : `确认更正，扣回 ${entry.points} 分`}
      </BigButton>
    </View>
  );
}
