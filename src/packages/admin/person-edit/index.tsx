import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { QueryView } from '../../../components/query-view';
import { useQuery } from '../../../services/use-query';
import { PersonForm } from './person-form';
import { PhotoSection } from './photo-section';
import '../shared/admin.scss';

/** Edit a person (`?personId=`) or add one: name, phone, title, duties, and the photo on the board. */
export default function PersonEditPage() {
  const personId = useRouter().params.personId;
  const { state, reload } = useQuery(async () => {
    if (!personId) return { person: undefined };
    const { people } = await call('org', 'listPeople', { personId });
    return { person: people.find((p) => p.personId === personId) ?? null };
  });
  return (
    <PageShell title={personId ? '修改人员信息' : '新增人员'}>
      <QueryView state={state} onRetry={reload}>
        {({ person }) =>
          person === null ? (
            <Section heading='没有找到这个人'>
              <View className='section__text'>此人不存在，或不在您的管理范围内。</View>
            </Section>
          ) : (
            <>
              <PersonForm person={person} />
              {person && <PhotoSection person={person} onUploaded={reload} />}
            </>
          )
        }
      </QueryView>
    </PageShell>
  );
}
