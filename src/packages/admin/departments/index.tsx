import { useState } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { allPages } from '../../../services/all-pages';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { DepartmentForm, type Department } from './department-form';
import '../shared/admin.scss';

/**
 * 职能部门 (`org.departments` → `org.saveDepartment`): the street's departments, each with its responsible
 * person and members — the subjects of the department assessment (002 L51–56). The admin adds, renames and
 * deactivates them; street staff read the list.
 */
export default function DepartmentsPage() {
  const { state, reload } = useQuery(async () => {
    const list = await call('org', 'departments', {});
    // Only the admin edits, and only the admin may list the street's people to pick from.
    const people = list.canManage ? await allPages((after) => call('org', 'listPeople', { limit: 100, ...(after ? { after } : {}) }), 'people') : [];
    return { ...list, people };
  });
  // The department being edited; null: a new one.
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <PageShell title='职能部门'>
      <QueryView state={state} onRetry={reload}>
        {({ departments, canManage, people }) => {
          const current = departments.find((d) => d.departmentId === editing);
          return (
            <>
              <Section heading='街道职能部门'>
                <View className='section__help'>部门按《街道各科室网格化考核》参加月度考核；负责人可查看本部门已公布的考核表，部门成员不能为本部门评分。</View>
                {departments.length === 0 && <View className='section__text'>还没有职能部门。</View>}
                {departments.map((d) => (
                  <DepartmentRow key={d.departmentId} department={d} canManage={canManage} onEdit={() => setEditing(d.departmentId)} />
                ))}
              </Section>
              {canManage && (
                <DepartmentForm
                  key={current ? `${current.departmentId}-${current.version}` : `new-${departments.length}`}
                  department={current}
                  people={people}
                  onSaved={() => {
                    setEditing(null);
                    reload();
                  }}
                  onCancel={current ? () => setEditing(null) : undefined}
                />
              )}
            </>
          );
        }}
      </QueryView>
    </PageShell>
  );
}

function DepartmentRow({ department: d, canManage, onEdit }: { department: Department; canManage: boolean; onEdit: () => void }) {
  return (
    <View className='admin-row'>
      <View className='admin-row__title'>{d.enabled ? d.name : `${d.name}（已停用）`}</View>
      <View className='admin-row__meta'>负责人：{d.responsibleName}</View>
      <View className='admin-row__meta'>成员：{d.memberNames.length ? d.memberNames.join('、') : '无'}</View>
      {canManage && <BigButton onClick={onEdit}>修改{d.name}</BigButton>}
    </View>
  );
}
