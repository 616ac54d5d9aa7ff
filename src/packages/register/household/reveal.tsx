import { useState } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';

/**
 * 查看完整号码 (issue 15 item 3): only for roles the street allows (the page shows it when `canReveal`),
 * with a reason written first; the function logs who read whose number, when and why. The numbers stay on
 * screen only until the page is left.
 */
export function RevealNumbers({ residentId, name }: { residentId: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState<{ idNumber?: string; phone?: string } | null>(null);
  const submit = useSubmit();
  const reveal = async () => {
    const result = await submit.run(() => call('register', 'revealPerson', { residentId, reason }));
    if (result) setShown(result);
  };
  // Hidden again, the page is as before the read: a later read asks for its own reason.
  const hide = () => {
    setShown(null);
    setOpen(false);
    setReason('');
  };
  if (shown) {
    return (
      <View data-testid='revealed'>
        {shown.idNumber && <View className='section__text'>{`完整身份证号 ${shown.idNumber}`}</View>}
        {shown.phone && <View className='section__text'>{`完整电话 ${shown.phone}`}</View>}
        <View className='section__help'>本次查看已记录（查看人、时间、原因）。</View>
        <BigButton onClick={hide}>隐藏号码</BigButton>
      </View>
    );
  }
  if (!open) return <BigButton onClick={() => setOpen(true)}>{`查看完整号码（${name}）`}</BigButton>;
  return (
    <View>
      <Field label='查看原因' value={reason} onChange={setReason} error={submit.fields.reason} placeholder='如 代办低保核对身份' maxLength={50} />
      {submit.message !== '' && !submit.fields.reason && <View className='section__error' role='alert'>{submit.message}</View>}
      <View className='section__actions'>
        <BigButton kind='primary' disabled={submit.busy} onClick={() => void reveal()}>
          确认查看（将记录）
        </BigButton>
        <BigButton onClick={() => setOpen(false)}>取消</BigButton>
      </View>
    </View>
  );
}
