import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { QueryView } from '../../../components/query-view';
import { useQuery } from '../../../services/use-query';
import { findGrid } from '../shared/find-grid';
import { QrcodeSection } from './qrcode-section';
import { PosterSection } from './poster-section';
import { BuildingsSection } from './buildings-section';
import '../shared/admin.scss';

const go = (url: string) => Taro.navigateTo({ url });

/** One grid: edit its information and people, view its board, its QR code and the printable poster. */
export default function AdminGridPage() {
  const gridId = useRouter().params.gridId ?? '';
  const { state, reload } = useQuery(() => findGrid(gridId));
  return (
    <PageShell title='网格管理'>
      <QueryView state={state} onRetry={reload}>
        {(found) =>
          found === null ? (
            <Section heading='没有找到这个网格'>
              <View className='section__text'>该网格不存在，或不在您的管理范围内。</View>
            </Section>
          ) : (
            <>
              <Section heading={`${found.grid.code} ${found.grid.name}`}>
                <View className='admin-row__meta'>
                  {found.community.name} · {found.grid.households} 户 · {found.grid.population} 人
                </View>
                <View className='section__actions'>
                  {(found.community.canManage || found.grid.canEditInfo) && (
                    <BigButton kind='primary' onClick={() => go(`/packages/admin/grid-edit/index?gridId=${gridId}`)}>
                      修改网格信息
                    </BigButton>
                  )}
                  {found.community.canManage && (
                    <BigButton onClick={() => go(`/packages/admin/members/index?gridId=${gridId}`)}>安排网格人员</BigButton>
                  )}
                  <BigButton onClick={() => go(`/pages/grid/index?gridId=${gridId}`)}>查看公示牌</BigButton>
                </View>
              </Section>
              {found.community.canManage && <BuildingsSection gridId={gridId} />}
              <QrcodeSection gridId={gridId} />
              <PosterSection gridId={gridId} />
            </>
          )
        }
      </QueryView>
    </PageShell>
  );
}
