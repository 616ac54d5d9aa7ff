import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { ExcelExportStatus } from '../../../components/excel-export';
import { formatTime } from '../../../components/case-view/format-time';
import { LoadMore } from '../../../components/load-more';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { auditFieldsText } from '../../../domain/audit';
import { DEFAULT_CARE_GROUPS } from '../../../domain/register/care-groups';
import { call } from '../../../services/call';
import { usePagedList } from '../../../services/use-paged-list';
import { useExcelExport } from '../../../services/use-excel-export';
import { useSubmit } from '../../../services/use-submit';
import '../shared/admin.scss';

const CARE_GROUP_LABELS: Record<string, string> = Object.fromEntries(DEFAULT_CARE_GROUPS.map((g) => [g.id, g.label]));

/**
 * 个人信息操作记录 (issue 10 item 8): the street administrator reads who changed or looked at whose
 * personal data and when, newest first, and takes the whole trail as Excel. The trail keeps which
 * fields changed, never the values, so this page shows no phone or ID number.
 */
export default function AuditLogPage() {
  const list = usePagedList((after) => call('org', 'auditLog', { limit: 30, ...(after ? { after } : {}) }), 'entries');
  return (
    <PageShell title='个人信息操作记录'>
      <Section heading='谁在什么时候改过或查看过个人信息'>
        <View className='section__help'>修改人员、电话、照片、网格人员和户籍信息，查看特殊群体和完整证件号码，导出台账，都记在这里。只记改了哪几项，不记号码本身。</View>
      </Section>
      <AuditExport />
      <QueryView state={list.state.status === 'ready' ? { status: 'ready', data: list.state } : list.state} onRetry={list.reload}>
        {(s) => (
          <Section heading='最近的记录'>
            {s.items.length === 0 && <View className='section__text'>还没有记录。</View>}
            {s.items.map((e) => (
              <View key={e.auditId} className='admin-row'>
                <View className='admin-row__title'>
                  {e.actionLabel}：{e.targetLabel}
                </View>
                <View className='admin-row__meta'>
                  {formatTime(e.at)} · {e.byName}
                  {e.fields.length > 0 ? ` · ${auditFieldsText(e.fields, CARE_GROUP_LABELS)}` : ''}
                </View>
              </View>
            ))}
            <LoadMore shown={s.items.length} next={s.next} more={s.more} onMore={list.loadMore} unit='条' />
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}

/** The whole trail as Excel. */
function AuditExport() {
  const submit = useSubmit();
  const exporter = useExcelExport(submit);
  const make = () => exporter.make('个人信息操作记录', () => call('org', 'exportAudit', {}));
  return (
    <Section heading='导出'>
      <BigButton disabled={submit.busy} onClick={make}>
        {submit.busy ? '正在生成表格…' : '导出全部记录（Excel）'}
      </BigButton>
      <ExcelExportStatus exporter={exporter} submit={submit} />
    </Section>
  );
}
