import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../components/big-button';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';
import { SubscribePrompt } from '../../components/subscribe-prompt';

/** After filing: say it plainly, and offer the two next steps. */
export function ReportSent({ caseId, drafted = false, onAnother }: { caseId: string; drafted?: boolean; onAnother: () => void }) {
  return (
    <PageShell title='上报成功'>
      <Section heading='已经交给网格员'>
        <View className='section__text' role='status' data-testid='report-sent'>
          您的问题已提交。网格员签收、处理后，您都能在“我的上报”里看到进度。
        </View>
        {drafted && (
          <View className='section__text' data-testid='report-sent-drafted'>
            户况变动已记下，请到户况登记的“待确认的户况变动”里确认登记。
          </View>
        )}
        <View className='section__actions'>
          <BigButton kind='primary' onClick={() => void Taro.redirectTo({ url: `/pages/case/index?caseId=${encodeURIComponent(caseId)}` })}>
            查看办理进度
          </BigButton>
          <BigButton onClick={() => void Taro.redirectTo({ url: '/pages/my-reports/index' })}>看我的上报</BigButton>
          <BigButton onClick={onAnother}>再报一个问题</BigButton>
        </View>
      </Section>
      <SubscribePrompt caseId={caseId} what='网格员签收、上报或办结这件事' />
    </PageShell>
  );
}
