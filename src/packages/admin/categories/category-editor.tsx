import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import type { Category } from '../../../domain/case/api';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';

type Leaf = Category['children'][number];

/** Ids are ASCII (`^[a-z0-9_]+$`) and never shown: made once when a category is added, never changed by a rename. */
const newId = () => `c_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

interface EditorProps {
  streetId: string;
  initial: Category[];
  version: number;
}

export function CategoryEditor({ streetId, initial, version: initialVersion }: EditorProps) {
  const [tree, setTree] = useState<Category[]>(initial);
  const [version, setVersion] = useState(initialVersion);
  const [newTop, setNewTop] = useState('');
  const [newChild, setNewChild] = useState<Record<string, string>>({});
  const [addError, setAddError] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const f = submit.fields;

  const change = (next: Category[]) => {
    setSaved(false);
    setTree(next);
  };
  const patchTop = (i: number, patch: Partial<Category>) => change(tree.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  const patchLeaf = (i: number, j: number, patch: Partial<Leaf>) =>
    patchTop(i, { children: tree[i].children.map((c, k) => (k === j ? { ...c, ...patch } : c)) });

  const add = (key: string, label: string, done: (leaf: Leaf) => void) => {
    const name = label.trim();
    if (!name) return setAddError({ ...addError, [key]: '请填写分类名称' });
    setAddError({ ...addError, [key]: '' });
    done({ id: newId(), label: name });
  };
  const addChild = (i: number) =>
    add(tree[i].id, newChild[tree[i].id] ?? '', (leaf) => {
      patchTop(i, { children: [...tree[i].children, leaf] });
      setNewChild({ ...newChild, [tree[i].id]: '' });
    });
  const addTop = () =>
    add('top', newTop, (leaf) => {
      change([...tree, { ...leaf, children: [] }]);
      setNewTop('');
    });

  const save = async () => {
    const result = await submit.run(() => call('case', 'saveCategories', { streetId, expectedVersion: version, categories: tree }));
    if (!result) return;
    setVersion(result.version);
    setSaved(true);
    await Taro.showToast({ title: '已保存', icon: 'success' });
  };

  return (
    <>
      <Section heading='说明'>
        <View className='section__help'>改名、停用或新增分类后，点最下面的“保存分类”。停用的分类不再出现在上报页面，已上报的事件不受影响。</View>
      </Section>
      {tree.map((top, i) => (
        <Section key={top.id} heading={`${top.label || '（未命名）'}${top.disabled ? '（已停用）' : ''}`}>
          <Field label={`大类名称：${initial.find((c) => c.id === top.id)?.label ?? '新大类'}`} value={top.label} onChange={(label) => patchTop(i, { label })} error={f[`categories.${i}.label`]} maxLength={20} />
          <ItemButtons item={top} onChange={(p) => patchTop(i, p)} />
          {top.children.map((leaf, j) => (
            <View key={leaf.id} className='admin-row'>
              <Field
                label={`${top.label}的小类：${initial.find((c) => c.id === top.id)?.children.find((k) => k.id === leaf.id)?.label ?? '新小类'}${leaf.disabled ? '（已停用）' : ''}`}
                value={leaf.label}
                onChange={(label) => patchLeaf(i, j, { label })}
                error={f[`categories.${i}.children.${j}.label`]}
                maxLength={20}
              />
              <ItemButtons item={leaf} onChange={(p) => patchLeaf(i, j, p)} />
            </View>
          ))}
          <Field label={`在${top.label}下新增小类`} value={newChild[top.id] ?? ''} onChange={(v) => setNewChild({ ...newChild, [top.id]: v })} error={addError[top.id] || f[`categories.${i}.children`]} placeholder='小类名称' maxLength={20} />
          <BigButton onClick={() => addChild(i)}>添加到{top.label}</BigButton>
        </Section>
      ))}
      <Section heading='新增大类'>
        <Field label='新大类名称' value={newTop} onChange={setNewTop} error={addError.top || f.categories} placeholder='如 文明养犬' maxLength={20} />
        <BigButton onClick={addTop}>添加大类</BigButton>
      </Section>
      <Section heading='保存'>
        {submit.message !== '' && (
          <View className='section__error' role='alert'>
            {Object.keys(f).length > 0 ? `请按红字提示修改后再保存（${submit.message}）` : submit.message}
          </View>
        )}
        {saved && (
          <View className='admin-saved' role='status'>
            已保存，上报页面已使用新的分类
          </View>
        )}
        <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
          {submit.busy ? '正在保存…' : '保存分类'}
        </BigButton>
      </Section>
    </>
  );
}

/** 停用/启用 and 突发性 by default (PRODUCT.md §4 "emergency categories default to 突发性"). */
function ItemButtons({ item, onChange }: { item: Leaf; onChange: (patch: Partial<Leaf>) => void }) {
  const emergency = item.defaultClass === 'emergency';
  return (
    <View className='section__actions'>
      <BigButton kind={emergency ? 'primary' : 'default'} onClick={() => onChange({ defaultClass: emergency ? undefined : 'emergency' })}>
        {emergency ? `${item.label}默认突发性（已选）` : `${item.label}设为默认突发性`}
      </BigButton>
      <BigButton onClick={() => onChange({ disabled: !item.disabled })}>{item.disabled ? `启用${item.label}` : `停用${item.label}`}</BigButton>
    </View>
  );
}
