import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { evidenceCaseUrl, monthLabel } from '../shared/links';
import '../shared/assess.scss';

/** One sheet with every point explained: the item, the formula in words, and the records behind it. */
export default function SheetPage() {
  const sheetId = useRouter().params.sheetId ?? '';
  const { state, reload } = useQuery(() => call('assess', 'sheet', { sheetId }));
  return (
    <PageShell title='考核表'>
      <QueryView state={state} onRetry={reload}>
        {(s) => (
          <>
            <Section heading={`${monthLabel(s.month)} ${s.subjectName}`}>
              <View className='section__text' data-testid='sheet-total'>
                {`${s.ruleSetName}:${s.total}${s.unit}(满分${s.max}${s.bonus ? `,加分${s.bonus}` : ''}),第${s.rank}名/共${s.of}人`}
              </View>
              {s.grade && <View className='section__text'>{`等级:${s.grade}`}</View>}
              {s.payout && <View className='section__text'>{`激励:${s.payout.formula}${s.paidYuan !== null && s.paidYuan !== s.payout.yuan ? `;实发${s.paidYuan}元` : ''}`}</View>}
              {s.payoutNotes.map((n) => (
                <View key={n} className='section__help'>{n}</View>
              ))}
              {s.flags.map((f) => (
                <View key={f.label} className='section__error' role='alert'>{`${f.label}:${f.formula}`}</View>
              ))}
              {s.correctionReason && <View className='section__help'>{`本表为第${s.revision}版,更正理由:${s.correctionReason}`}</View>}
              {!s.current && <View className='section__help'>本表已被更正后的版本取代。</View>}
            </Section>
            <Section heading='逐项得分'>
              {s.lines.map((l) => (
                <View key={l.itemId} className='assess-row' data-testid='sheet-line'>
                  <View className='assess-row__title'>{`${l.title}:${l.points}${s.unit}`}</View>
                  <View className={`assess-row__meta${l.points < l.max ? ' assess-row__loss' : ''}`}>{l.formula}</View>
                  {l.evidence.map((e) =>
                    e.kind === 'case' ? (
                      <View key={e.id} className='assess-link' onClick={() => void Taro.navigateTo({ url: evidenceCaseUrl(e.id) })}>
                        {`查看${e.label}`}
                      </View>
                    ) : (
                      <View key={e.id} className='assess-row__meta'>{e.label}</View>
                    ),
                  )}
                </View>
              ))}
            </Section>
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
