import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { QueryView } from '../../../components/query-view';
import { useQuery } from '../../../services/use-query';
import { CommunityForm } from './community-form';
import '../shared/admin.scss';

/**
 * Edit a community (`?communityId=`) or create one in the caller's street (no parameter).
 * Street administrators only (`org.saveCommunity`); the street's scheme decides letter or village code.
 */
export default function CommunityEditPage() {
  const { communityId } = useRouter().params;
  const { state, reload } = useQuery(() => call('org', 'tree', {}));
  return (
    <PageShell title={communityId ? '修改社区信息' : '新增社区'}>
      <QueryView state={state} onRetry={reload}>
        {(tree) => {
          const community = communityId ? tree.communities.find((c) => c.communityId === communityId) : undefined;
          if (!tree.street.canManage || (communityId && !community)) {
            return (
              <Section heading={communityId ? '没有找到这个社区' : '不能新增社区'}>
                <View className='section__text'>
                  {communityId ? '该社区不存在，或不在您的管理范围内。' : '只有街道管理员可以新增和修改社区。'}
                </View>
              </Section>
            );
          }
          return <CommunityForm key={community?.version ?? 'new'} community={community} scheme={tree.street.gridCodeScheme} />;
        }}
      </QueryView>
    </PageShell>
  );
}
