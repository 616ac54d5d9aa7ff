import { useState } from 'react';
import Taro from '@tarojs/taro';
import { CaseSwitch } from '../../../../components/case-choice';
import { Field } from '../../../../components/field';
import { Section } from '../../../../components/section';
import { SaveFooter } from '../../../../components/submit-button';
import { call } from '../../../../services/call';
import { newRequestId } from '../../../../services/request-id';
import { useSubmit } from '../../../../services/use-submit';
import type { GiftView } from '../../shared/types';

const toInt = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

export function GiftForm({ communityId, gift, onDone }: { communityId: string; gift: GiftView | null; onDone: () => void }) {
  const [name, setName] = useState(gift?.name ?? '');
  const [cost, setCost] = useState(gift ? String(gift.pointsCost) : '');
  const [stock, setStock] = useState(gift ? String(gift.stock) : '');
  const [active, setActive] = useState(gift?.active ?? true);
  const [requestId] = useState(newRequestId);
  const submit = useSubmit();

  const save = async () => {
    const fields = { communityId, name, pointsCost: toInt(cost), stock: toInt(stock), active };
    const done = await submit.run(() =>
      gift ? call('volunteer', 'saveGift', { giftId: gift.giftId, expectedVersion: gift.version, ...fields }) : call('volunteer', 'saveGift', { requestId, ...fields }),
    );
    if (!done) return;
    await Taro.showToast({ title: '已保存', icon: 'success' });
    onDone();
  };

  const f = submit.fields;
  return (
    <Section heading={gift ? `修改：${gift.name}` : '新增礼品'}>
      <Field label='礼品名称' value={name} onChange={setName} error={f.name} placeholder='如 洗衣液一瓶' maxLength={50} />
      <Field label='所需积分' kind='number' value={cost} onChange={setCost} error={f.pointsCost} maxLength={6} />
      <Field label='库存（件）' kind='number' value={stock} onChange={setStock} error={f.stock} maxLength={6} />
      <CaseSwitch label='上架' help='下架后志愿者看不到这件礼品。' checked={active} onChange={setActive} />
      <SaveFooter submit={submit} onSave={() => void save()} />
    </Section>
  );
}
