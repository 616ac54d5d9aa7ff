import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { CaseChoice } from '../../../components/case-choice';
import { Field } from '../../../components/field';
import { LoadMore } from '../../../components/load-more';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import type { ActionOutput } from '../../../domain/api';
import { TENURE_LABELS, TENURES, type Tenure } from '../../../domain/register/vocabulary';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import { asQuery, usePagedList } from '../../../services/use-paged-list';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';
import { DRAFTS_URL, EXCEL_URL, HANDOVER_URL, householdUrl, OVERDUE_URL } from '../shared/links';

type SearchBy = 'name' | 'phone_tail' | 'id_tail' | 'address';
const SEARCH_BY: ReadonlyArray<{ value: SearchBy; label: string }> = [
  { value: 'name', label: '姓名' },
  { value: 'phone_tail', label: '手机后4位' },
  { value: 'id_tail', label: '身份证后4位' },
  { value: 'address', label: '地址' },
];
type Person = ActionOutput<'register', 'searchPeople'>['people'][number];

/** 户况登记: the households of the caller's grids, search, and a new household. */
export default function RegisterHomePage() {
  // The households a page at a time (加载更多 and scrolling), so a grid of hundreds opens at once.
  const list = usePagedList((after) => call('register', 'households', { limit: 30, ...(after ? { after } : {}) }), 'items');
  const { state: gridsState } = useQuery(async () => {
    const me = await call('user', 'me', {});
    const gridIds = [...new Set(me.roles.filter((g) => g.role === 'grid_officer' || g.role === 'grid_chief').flatMap((g) => g.gridIds ?? []))];
    return Promise.all(gridIds.map(async (gridId) => ({ value: gridId, label: (await call('board', 'get', { gridId }).catch(() => null))?.grid.name ?? '本网格' })));
  });
  return (
    <PageShell title='户况登记'>
      <Section heading='工作清单'>
        <View className='section__actions'>
          <BigButton onClick={() => void Taro.navigateTo({ url: DRAFTS_URL })}>待确认的变动</BigButton>
          <BigButton onClick={() => void Taro.navigateTo({ url: HANDOVER_URL })}>信息交接单</BigButton>
          <BigButton onClick={() => void Taro.navigateTo({ url: OVERDUE_URL })}>超期清单</BigButton>
          <BigButton onClick={() => void Taro.navigateTo({ url: EXCEL_URL })}>Excel导入导出</BigButton>
        </View>
      </Section>
      <SearchSection />
      <QueryView state={asQuery(list.state)} onRetry={list.reload}>
        {(s) => (
          <Section heading='本网格住户'>
            {s.items.length === 0 && <View className='section__text'>还没有登记住户。</View>}
            <View className='section__actions'>
              {s.items.map((h) => (
                <BigButton key={h.householdId} onClick={() => void Taro.navigateTo({ url: householdUrl(h.householdId) })}>
                  {`${h.address} · ${h.tenureLabel} · ${h.memberCount}人${h.headName ? ` · 户主${h.headName}` : ''}${h.careLabels.length ? ` · ${h.careLabels.join('、')}` : ''}`}
                </BigButton>
              ))}
            </View>
            <LoadMore shown={s.items.length} next={s.next} more={s.more} onMore={list.loadMore} unit='户' />
          </Section>
        )}
      </QueryView>
      {gridsState.status === 'ready' && gridsState.data.length > 0 && <NewHousehold grids={gridsState.data} />}
    </PageShell>
  );
}

function SearchSection() {
  const [by, setBy] = useState<SearchBy>('name');
  const [text, setText] = useState('');
  const [found, setFound] = useState<Person[] | null>(null);
  const submit = useSubmit();
  const search = async () => {
    const result = await submit.run(() => call('register', 'searchPeople', { by, text }));
    if (result) setFound(result.people);
  };
  return (
    <Section heading='查找人员'>
      <CaseChoice label='查找方式' options={SEARCH_BY} value={by} onChange={setBy} />
      <Field label='查找内容' value={text} onChange={setText} error={submit.fields.text} />
      {submit.message !== '' && !submit.fields.text && <View className='section__error' role='alert'>{submit.message}</View>}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void search()}>
        查找
      </BigButton>
      {found && found.length === 0 && <View className='section__text'>没有找到。</View>}
      <View className='section__actions'>
        {(found ?? []).map((p) => (
          <BigButton key={p.residentId} onClick={() => void Taro.navigateTo({ url: householdUrl(p.householdId) })}>
            {`${p.name} · ${p.relationLabel} · ${p.address ?? ''}`}
          </BigButton>
        ))}
      </View>
    </Section>
  );
}

function NewHousehold({ grids }: { grids: Array<{ value: string; label: string }> }) {
  const [gridId, setGridId] = useState(grids[0].value);
  const [buildingName, setBuilding] = useState('');
  const [unit, setUnit] = useState('');
  const [room, setRoom] = useState('');
  const [address, setAddress] = useState('');
  const [tenure, setTenure] = useState<Tenure>('owner');
  const [requestId] = useState(newRequestId);
  const submit = useSubmit();
  const save = async () => {
    const result = await submit.run(() => call('register', 'saveHousehold', { requestId, gridId, buildingName, unit, room, address, tenure }));
    if (result) void Taro.navigateTo({ url: householdUrl(result.id) });
  };
  const f = submit.fields;
  return (
    <Section heading='新增一户'>
      {grids.length > 1 && <CaseChoice label='网格' options={grids} value={gridId} onChange={setGridId} />}
      <Field label='楼栋' value={buildingName} onChange={setBuilding} error={f.buildingName} placeholder='如 3栋' maxLength={30} />
      <Field label='单元' value={unit} onChange={setUnit} error={f.unit} placeholder='如 2单元' maxLength={10} />
      <Field label='门牌号' value={room} onChange={setRoom} error={f.room} placeholder='如 301' maxLength={10} />
      <Field label='地址' value={address} onChange={setAddress} error={f.address} placeholder='如 肥东路12号3栋2单元301' maxLength={100} />
      <CaseChoice label='居住类型' options={TENURES.map((t) => ({ value: t, label: TENURE_LABELS[t] }))} value={tenure} onChange={setTenure} error={f.tenure} />
      {submit.message !== '' && <View className='section__error' role='alert'>{Object.keys(f).length ? '请按红字提示修改后再保存' : submit.message}</View>}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
        {submit.busy ? '正在保存…' : '保存这一户'}
      </BigButton>
    </Section>
  );
}
