import { useState } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../../../../components/big-button';
import { PageShell } from '../../../../components/page-shell';
import { Section } from '../../../../components/section';
import { call } from '../../../../services/call';
import { useQuery } from '../../../../services/use-query';
import { QueryView } from '../../../../components/query-view';
import { RuleEditor } from './rule-editor';
import { RuleFacts, shortName } from './rule-facts';
import '../../shared/volunteer.scss';
import '../shared/manage.scss';

/**
 * The street's points table (PRODUCT.md §8): category, activity, points per time and where the number comes
 * from. The administrator changes an entry's points or switches it off, always with a reason.
 */
export default function RulesPage() {
  const { state, reload } = useQuery(() => call('volunteer', 'rules', {}));
  const [editing, setEditing] = useState('');
  return (
    <PageShell title='积分规则'>
      <QueryView state={state} onRetry={reload}>
        {(view) => (
          <>
            <Section heading='说明'>
              <View className='section__text'>
                {view.canManage ? '每条规则写明了分值和依据。调整分值或停用时，必须写明理由，理由会记在依据里。' : '每条规则写明了分值和依据。只有街道管理员可以调整。'}
              </View>
            </Section>
            {view.categories.map((cat) => {
              const rules = view.rules.filter((r) => r.category === cat.id);
              if (rules.length === 0) return null;
              return (
                <Section key={cat.id} heading={cat.label}>
                  {rules.map((rule) => (
                    <View key={rule.id} className='vol-row' data-testid={`rule-${rule.id}`}>
                      <RuleFacts rule={rule} />
                      {view.canManage &&
                        (editing === rule.id ? (
                          <RuleEditor
                            rule={rule}
                            view={view}
                            onCancel={() => setEditing('')}
                            onDone={() => {
                              setEditing('');
                              reload();
                            }}
                          />
                        ) : (
                          <BigButton onClick={() => setEditing(rule.id)}>调整：{shortName(rule.activity)}</BigButton>
                        ))}
                    </View>
                  ))}
                </Section>
              );
            })}
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
