import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { QueryView } from '../../../components/query-view';
import { useQuery } from '../../../services/use-query';
import type { TreeCommunity } from '../shared/find-grid';
import '../shared/admin.scss';

const go = (url: string) => Taro.navigateTo({ url });

/** The street's communities and their grids (`org.tree`), each grid with the entries the caller may use. */
export default function AdminHomePage() {
  const { state, reload } = useQuery(() => call('org', 'tree', {}));
  return (
    <PageShell title='网格与人员管理'>
      <QueryView state={state} onRetry={reload}>
        {(tree) => (
          <>
            <Section heading={tree.street.name}>
              <View className='section__help'>选一个网格查看二维码、海报和人员；或管理全部网格人员的信息。</View>
              <View className='section__actions'>
                {(tree.street.canManage || tree.communities.some((c) => c.canManage)) && (
                  <BigButton kind='primary' onClick={() => go('/packages/admin/people/index')}>
                    人员信息管理
                  </BigButton>
                )}
                {tree.street.canManage && <BigButton onClick={() => go('/packages/admin/community-edit/index')}>新增社区</BigButton>}
                {tree.street.canManage && <BigButton onClick={() => go('/packages/admin/categories/index')}>事件分类管理</BigButton>}
                {tree.street.canManage && <BigButton onClick={() => go('/packages/admin/sla/index')}>处置时限设置</BigButton>}
                {tree.street.canManage && <BigButton onClick={() => go('/packages/admin/departments/index')}>职能部门管理</BigButton>}
                {tree.street.canManage && <BigButton onClick={() => go('/packages/admin/audit/index')}>个人信息操作记录</BigButton>}
              </View>
            </Section>
            {tree.communities.map((c) => (
              <CommunityGrids key={c.communityId} community={c} streetAdmin={tree.street.canManage} />
            ))}
          </>
        )}
      </QueryView>
    </PageShell>
  );
}

/** Heading: the community's code part (letter or village code) then its name, as grid codes start with it. */
function communityTitle(c: TreeCommunity): string {
  const code = c.letter ?? c.villageCode;
  const title = code ? `${code} ${c.name}` : c.name;
  return c.enabled ? title : `${title}（已停用）`;
}

/** `streetAdmin`: only street administrators change a community itself (`org.saveCommunity`). */
function CommunityGrids({ community, streetAdmin }: { community: TreeCommunity; streetAdmin: boolean }) {
  return (
    <Section heading={communityTitle(community)}>
      {community.grids.length === 0 && <View className='section__text'>还没有网格。</View>}
      {community.grids.map((g) => (
        <View key={g.gridId} className='admin-row'>
          <View className='admin-row__title'>
            {g.code} {g.name}
          </View>
          <View className='admin-row__meta'>
            {g.households} 户 · {g.population} 人{g.enabled ? '' : ' · 已停用'}
          </View>
          <BigButton onClick={() => go(`/packages/admin/grid/index?gridId=${g.gridId}`)}>管理{g.code}网格</BigButton>
        </View>
      ))}
      {community.canManage && (
        <View className='section__actions'>
          <BigButton onClick={() => go(`/packages/admin/grid-edit/index?communityId=${community.communityId}`)}>新增网格</BigButton>
          {streetAdmin && (
            <BigButton onClick={() => go(`/packages/admin/community-edit/index?communityId=${community.communityId}`)}>
              修改{community.name}的信息
            </BigButton>
          )}
        </View>
      )}
    </Section>
  );
}
