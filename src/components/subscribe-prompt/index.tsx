import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../big-button';
import { Section } from '../section';
import { call } from '../../services/call';
import { requestSubscription } from '../../services/subscription';

interface SubscribePromptProps {
  /** The reporter's case (after filing); without it and activityId, the staff templates of the caller's street. */
  caseId?: string;
  /** The activity the volunteer just signed up for (the day-before reminder). */
  activityId?: string;
  /** What the user will be told about, in their words. */
  what: string;
}

type Asked = 'idle' | 'asking' | 'accepted' | 'declined';

/**
 * Offers WeChat notifications at the moment the user expects them. The template ids are loaded first,
 * so the tap calls WeChat's prompt at once (WeChat refuses it outside a tap). Everything also lands in
 * the in-app 消息 list, so declining loses nothing but the WeChat message.
 */
export function SubscribePrompt({ caseId, activityId, what }: SubscribePromptProps) {
  const [templateIds, setTemplateIds] = useState<string[]>([]);
  const [asked, setAsked] = useState<Asked>('idle');
  // Loaded on mount (not on page show: this shows up after the page's data, when the show has passed).
  useEffect(() => {
    call('case', 'subscriptionTemplates', activityId ? { activityId } : caseId ? { caseId } : {})
      .then((r) => setTemplateIds(r.templateIds))
      .catch(() => setTemplateIds([]));
  }, [caseId, activityId]);
  if (templateIds.length === 0) return null;
  const ask = () => {
    setAsked('asking');
    requestSubscription(templateIds)
      .then((accepted) => setAsked(accepted.length > 0 ? 'accepted' : 'declined'))
      .catch(() => setAsked('declined'));
  };
  return (
    <Section heading='微信通知'>
      <View className='section__text' role='status'>
        {asked === 'accepted'
          ? '已开启：有进展时微信会通知您一次。想再收到，可再点一次。'
          : asked === 'declined'
            ? '没有开启微信通知。进展都会出现在“消息”里。'
            : `${what}时，微信可以通知您。每点一次“允许”，通知一次。`}
      </View>
      <BigButton kind='primary' disabled={asked === 'asking'} onClick={ask}>
        接收微信通知
      </BigButton>
    </Section>
  );
}
