import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { QueryView } from '../../../components/query-view';
import { useQuery } from '../../../services/use-query';
import { CategoryEditor } from './category-editor';
import '../shared/admin.scss';

/**
 * The street's category tree (PRODUCT.md §4 "default category tree, seeded, editable"): the street
 * administrator adds, renames and disables categories and sub-categories and marks which default to 突发性.
 * Reads `case.categories` with the disabled ones; saves the whole tree with `case.saveCategories`.
 */
export default function CategoriesPage() {
  const { state, reload } = useQuery(async () => {
    const [tree, org] = await Promise.all([call('case', 'categories', { includeDisabled: true }), call('org', 'tree', {})]);
    return { ...tree, canManage: org.street.canManage };
  });
  return (
    <PageShell title='事件分类'>
      <QueryView state={state} onRetry={reload}>
        {(data) =>
          data.canManage ? (
            <CategoryEditor key={data.version} streetId={data.streetId} initial={data.categories} version={data.version} />
          ) : (
            <Section heading='不能修改事件分类'>
              <View className='section__text'>只有街道管理员可以修改事件分类。</View>
            </Section>
          )
        }
      </QueryView>
    </PageShell>
  );
}
