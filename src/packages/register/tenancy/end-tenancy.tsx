import { useState } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import { useSubmit } from '../../../services/use-submit';
import { chinaToday } from '../shared/links';

/**
 * 登记退租 for one tenancy: asks for the move-out date first (a tap alone never ends a tenancy). The
 * request id is kept until the answer comes, so a retry after a lost answer is the same request.
 */
export function EndTenancy({ tenancyId, version, landlordName, moveInOn, onDone }: { tenancyId: string; version: number; landlordName: string; moveInOn: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [moveOutOn, setMoveOutOn] = useState(chinaToday());
  const [requestId, setRequestId] = useState(newRequestId);
  const submit = useSubmit();
  const save = async () => {
    const done = await submit.run(() => call('register', 'endTenancy', { requestId, tenancyId, expectedVersion: version, moveOutOn }));
    if (done) {
      setRequestId(newRequestId());
      setOpen(false);
      onDone();
    }
  };
  if (!open) return <BigButton onClick={() => setOpen(true)}>{`登记退租（房东${landlordName}）`}</BigButton>;
  return (
    <View data-testid='end-tenancy'>
      <View className='section__help'>{`租户搬走后登记退租：租房登记留作记录，不再提醒每月见面，交接单送社区。租户本人迁往何处请在“迁出登记”中登记。入住日期 ${moveInOn}。`}</View>
      <Field label='退租日期' value={moveOutOn} onChange={(v) => {
          submit.clearField('moveOutOn');
          setMoveOutOn(v);
        }} error={submit.fields.moveOutOn} placeholder='年-月-日，如 2026-11-30' maxLength={10} />
      {submit.message !== '' && !submit.fields.moveOutOn && <View className='section__error' role='alert'>{submit.message}</View>}
      <View className='section__actions'>
        <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
          {submit.busy ? '正在保存…' : '确认退租'}
        </BigButton>
        <BigButton disabled={submit.busy} onClick={() => {
            submit.reset();
            setOpen(false);
          }}>
          取消
        </BigButton>
      </View>
    </View>
  );
}
