import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { QueryView } from '../../../components/query-view';
import { useQuery } from '../../../services/use-query';
import { findGrid } from '../shared/find-grid';
import { GridForm } from './grid-form';
import '../shared/admin.scss';

/**
 * Edit a grid (`?gridId=`) or create one in a community (`?communityId=`).
 * Community managers change everything (`org.saveGrid`); a grid's own officer only households,
 * population and boundary (`org.updateGridInfo`).
 */
export default function GridEditPage() {
  const { gridId, communityId } = useRouter().params;
  const { state, reload } = useQuery(async () => (gridId ? findGrid(gridId) : null));
  return (
    <PageShell title={gridId ? '修改网格信息' : '新增网格'}>
      <QueryView state={state} onRetry={reload}>
        {(found) => {
          if (gridId && !found) {
            return (
              <Section heading='没有找到这个网格'>
                <View className='section__text'>该网格不存在，或不在您的管理范围内。</View>
              </Section>
            );
          }
          return (
            <GridForm
              key={found?.grid.version ?? 'new'}
              grid={found?.grid}
              communityId={found?.community.communityId ?? communityId ?? ''}
              fullEdit={found ? found.community.canManage : true}
            />
          );
        }}
      </QueryView>
    </PageShell>
  );
}
