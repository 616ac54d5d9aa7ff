import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Avatar } from '../../../components/avatar';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { QueryView } from '../../../components/query-view';
import { asQuery, usePagedList } from '../../../services/use-paged-list';
import { LoadMore } from '../../../components/load-more';
import '../shared/admin.scss';

const go = (url: string) => Taro.navigateTo({ url });

/**
 * Everyone the caller manages (`org.listPeople`): photo, name, title and phone, and a way to edit each; a page
 * at a time with the total (issue 8 item 9), more on scrolling to the bottom or 加载更多.
 */
export default function PeoplePage() {
  const list = usePagedList((after) => call('org', 'listPeople', after ? { after } : {}), 'people');
  return (
    <PageShell title='人员信息管理'>
      <View className='section__actions'>
        <BigButton kind='primary' onClick={() => go('/packages/admin/person-edit/index')}>
          新增人员
        </BigButton>
      </View>
      <QueryView state={asQuery(list.state)} onRetry={list.reload}>
        {({ items: people, next, total, more }) => (
          <Section heading={`共 ${total ?? people.length} 人`}>
            {people.map((p) => (
              <View key={p.personId} className='admin-row people-row' data-testid='person-row'>
                <View className='people-row__top'>
                  <Avatar name={p.name} photoUrl={p.photoUrl} />
                  <View>
                    <View className='admin-row__title'>{p.name}</View>
                    {p.title && <View className='admin-row__meta'>{p.title}</View>}
                    <View>电话：{p.phone}</View>
                  </View>
                </View>
                <BigButton onClick={() => go(`/packages/admin/person-edit/index?personId=${p.personId}`)}>修改{p.name}的信息</BigButton>
              </View>
            ))}
            <LoadMore shown={people.length} next={next} total={total} more={more} onMore={list.loadMore} unit='人' />
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
