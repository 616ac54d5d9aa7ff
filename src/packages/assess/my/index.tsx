import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { monthLabel, sheetUrl } from '../shared/links';
import '../shared/assess.scss';

/** 我的考核: a worker's own published sheets, and a department head's department's, newest first. */
export default function MySheetsPage() {
  const { state, reload } = useQuery(() => call('assess', 'mySheets', {}));
  return (
    <PageShell title='我的考核'>
      <QueryView state={state} onRetry={reload}>
        {({ sheets }) => {
          // A department head also reads their department's sheets: then each button says whose sheet it is.
          const whose = new Set(sheets.map((s) => s.subjectName)).size > 1;
          return (
            <Section heading='已公布的考核'>
              {sheets.length === 0 && <View className='section__text'>还没有公布的考核结果。</View>}
              <View className='section__actions'>
                {sheets.map((s) => (
                  <BigButton key={s.sheetId} onClick={() => void Taro.navigateTo({ url: sheetUrl(s.sheetId) })}>
                    {`${whose ? `${s.subjectName} ` : ''}${monthLabel(s.month)} ${s.total}${s.unit} 第${s.rank}名${s.grade ? ` ${s.grade}` : ''}${s.flags.length ? ` · ${s.flags.join('、')}` : ''}`}
                  </BigButton>
                ))}
              </View>
            </Section>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
