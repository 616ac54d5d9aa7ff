import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../../components/big-button';
import { CaseChoice } from '../../../../components/case-choice';
import { Field } from '../../../../components/field';
import { Section } from '../../../../components/section';
import type { PointsRule } from '../../../../domain/volunteer/rules';
import { call } from '../../../../services/call';
import { newRequestId } from '../../../../services/request-id';
import { useSubmit } from '../../../../services/use-submit';
import { chinaIsoDay, chinaWallToIso } from '../../shared/china-time-text';
import { WhenFields, type When } from './when-fields';

const toInt = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
const ruleLabel = (r: PointsRule) => (r.points === null ? `${r.activity}（分值报街道同意）` : `${r.activity}（每次${r.points}分）`);
const tomorrow = () => chinaIsoDay(new Date(Date.now() + 24 * 60 * 60 * 1000));

/** Create, then publish straight away (or keep as a draft). One requestId for the page: a retry creates one activity. */
export function ActivityForm({ communityId, rules }: { communityId: string; rules: PointsRule[] }) {
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [ruleId, setRuleId] = useState<string | undefined>(undefined);
  const [points, setPoints] = useState('');
  const [headcount, setHeadcount] = useState('10');
  const [when, setWhen] = useState<When>({ day: tomorrow(), start: '09:00', end: '11:00' });
  const [place, setPlace] = useState('');
  const [requestId] = useState(newRequestId);
  const [created, setCreated] = useState<{ id: string; version: number } | null>(null);
  const submit = useSubmit();
  const rule = rules.find((r) => r.id === ruleId);

  const pickRule = (id: string) => {
    setRuleId(id);
    const r = rules.find((x) => x.id === id);
    setPoints(r?.points != null ? String(r.points) : '');
  };

  const save = async (publish: boolean) => {
    const done = await submit.run(async () => {
      const saved =
        created ??
        (await call('volunteer', 'saveActivity', {
          requestId,
          communityId,
          title,
          content,
          ruleId: ruleId ?? '',
          expectedPoints: toInt(points),
          headcount: toInt(headcount),
          startAt: chinaWallToIso(when.day, when.start),
          endAt: chinaWallToIso(when.day, when.end),
          place,
        }));
      setCreated(saved);
      if (publish) await call('volunteer', 'publishActivity', { activityId: saved.id, expectedVersion: saved.version });
      return saved;
    });
    if (!done) return;
    await Taro.showToast({ title: publish ? '已发布' : '已存为草稿', icon: 'success' });
    void Taro.redirectTo({ url: `/packages/volunteer/manage/activity/index?activityId=${encodeURIComponent(done.id)}` });
  };

  const f = submit.fields;
  return (
    <Section heading='活动信息'>
      <Field label='活动名称' value={title} onChange={setTitle} error={f.title} placeholder='如 小区环境清理' maxLength={50} />
      <Field label='活动内容' kind='multiline' value={content} onChange={setContent} error={f.content} placeholder='做什么、要带什么、找谁集合' maxLength={2000} />
      <CaseChoice label='积分规则' options={rules.map((r) => ({ value: r.id, label: ruleLabel(r) }))} value={ruleId} onChange={pickRule} error={f.ruleId} columns={1} />
      {rule?.points === null && (
        <Field label='预计积分（须街道同意）' kind='number' value={points} onChange={setPoints} error={f.expectedPoints} maxLength={3} />
      )}
      {rule && rule.points !== null && <View className='section__text'>每人积分：{rule.points} 分（按积分规则）</View>}
      <Field label='所需人数' kind='number' value={headcount} onChange={setHeadcount} error={f.headcount} maxLength={4} />
      <WhenFields when={when} onChange={setWhen} error={f.startAt ?? f.endAt} />
      <Field label='活动地点' value={place} onChange={setPlace} error={f.place} placeholder='如 3栋楼下广场' maxLength={100} />
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {Object.keys(f).length > 0 ? '请按红字提示修改后再提交' : submit.message}
        </View>
      )}
      <View className='section__actions'>
        <BigButton kind='primary' disabled={submit.busy} onClick={() => void save(true)}>
          {submit.busy ? '正在提交…' : '发布活动'}
        </BigButton>
        <BigButton disabled={submit.busy} onClick={() => void save(false)}>
          存为草稿
        </BigButton>
      </View>
    </Section>
  );
}
