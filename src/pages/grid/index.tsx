import { View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { BigButton } from '../../components/big-button';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';
import { boardPath } from '../../services/platform';
import { gridIdFromParams } from './grid-id';
import { useBoard } from './use-board';
import { GridSummary } from './grid-summary';
import { PersonCard } from './person-card';
import { UpperContacts } from './upper-contacts';
import { ShareCard } from './share-card';
import { BoardMissing } from './board-missing';
import './index.scss';

/** 网格公示牌: what a resident sees after scanning the grid's QR code (PRODUCT.md §3). Main package. */
export default function GridBoardPage() {
  const gridId = gridIdFromParams(useRouter().params);
  const { state, reload } = useBoard(gridId);

  useShareAppMessage(() =>
    state.status === 'ready'
      ? { title: `${state.board.grid.code} ${state.board.grid.name} 网格公示牌`, path: boardPath(state.board.grid.gridId) }
      : { title: '网格公示牌', path: gridId ? boardPath(gridId) : '/pages/index/index' },
  );

  if (state.status === 'missing') return <BoardMissing />;
  if (state.status === 'loading') {
    return (
      <PageShell title='网格公示牌'>
        <View className='section__text' role='status'>
          正在加载…
        </View>
      </PageShell>
    );
  }
  if (state.status === 'failed') {
    return (
      <PageShell title='网格公示牌'>
        <Section heading='没能打开公示牌'>
          <View className='section__error' role='alert'>
            {state.message}
          </View>
          <BigButton kind='primary' onClick={reload}>
            重新加载
          </BigButton>
        </Section>
      </PageShell>
    );
  }

  const { grid, people, upperContacts } = state.board;
  // People first (issue 8 item 7): the grid's officer with photo and 拨打电话 on the first screen at any
  // text size, then 上报问题, then everyone else, the figures and the boundary.
  // The board lists the chief first; a resident's first call is their grid officer (网格员).
  const first = people.find((p) => p.role === 'grid_officer') ?? people[0];
  const others = people.filter((p) => p !== first);
  return (
    <PageShell title={`${grid.code} ${grid.name}`}>
      <Section heading='您的网格员'>
        {first ? <PersonCard person={first} /> : <View className='section__text'>本网格人员正在安排中。</View>}
      </Section>
      <View className='section__actions board__actions'>
        <BigButton kind='primary' onClick={() => Taro.navigateTo({ url: `/pages/report/index?gridId=${grid.gridId}` })}>
          上报问题
        </BigButton>
        <BigButton onClick={() => Taro.navigateTo({ url: '/packages/volunteer/index/index' })}>志愿服务</BigButton>
      </View>
      {others.length > 0 && (
        <Section heading='网格服务人员'>
          {others.map((p) => (
            <PersonCard key={`${p.personId}-${p.role}`} person={p} />
          ))}
        </Section>
      )}
      <GridSummary grid={grid} />
      <UpperContacts contacts={upperContacts} />
      <ShareCard gridId={grid.gridId} />
    </PageShell>
  );
}
