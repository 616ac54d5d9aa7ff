import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { QueryView } from '../../../components/query-view';
import { ProfileForm } from './profile-form';
import '../shared/volunteer.scss';

const FLAG_LABELS = { buildingHead: '楼栋长', unitHead: '单元长', infoAssistant: '信息协管员' } as const;

/** 志愿者资料: name, phone, building, skills (the volunteer's own); duties are set by the community. */
export default function ProfilePage() {
  const { state, reload } = useQuery(async () => {
    const [{ profile }, me] = await Promise.all([call('volunteer', 'profile', {}), call('user', 'me', {})]);
    const grant = me.roles.find((r) => r.role === 'volunteer' && r.communityId) ?? me.roles.find((r) => r.communityId);
    return { profile, me, communityId: profile?.communityId ?? grant?.communityId ?? '' };
  });
  return (
    <PageShell title='志愿者资料'>
      <QueryView state={state} onRetry={reload}>
        {({ profile, me, communityId }) => {
          const duties = profile ? (Object.keys(FLAG_LABELS) as (keyof typeof FLAG_LABELS)[]).filter((k) => profile.flags[k]) : [];
          return (
            <>
              {profile && (
                <Section heading={profile.communityName}>
                  <View className='section__text'>{duties.length > 0 ? `担任：${duties.map((k) => FLAG_LABELS[k]).join('、')}` : '普通志愿者'}</View>
                  <View className='section__help'>楼栋长、单元长、信息协管员由社区登记，如有变化请联系社区。</View>
                </Section>
              )}
              <ProfileForm key={profile?.version ?? 0} profile={profile} defaultName={me.name} communityId={communityId} />
            </>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
