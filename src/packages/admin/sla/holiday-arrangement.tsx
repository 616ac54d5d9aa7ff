import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import { SubmitButton } from '../../../components/submit-button';
import { parseHolidayNotice, type NoticeParse } from '../../../domain/calendar/notice-parser';
import type { YearArrangement } from '../../../domain/calendar/config';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';

const SOURCE_LABELS = { street: '已确认（本街道录入）', bundled: '已确认（系统内置国务院通知）', statutory: '未确认：仅按法定节假日计算，不含调休' } as const;
type Source = keyof typeof SOURCE_LABELS;

/** "国办发明电〔2025〕7号" when the pasted notice carries its number: the reason saved with the dates. */
const noticeNumber = (text: string) => text.match(/国办发明电\s*[〔\[（(]\s*\d{4}\s*[〕\]）)]\s*\d+\s*号/)?.[0] ?? '';

/** "1月1日、2日、3日" style, short enough to confirm by eye. */
const datesText = (dates: string[]) => dates.map((d) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`).join('、') || '无';

/**
 * 放假安排 (issue 12 item 1): the administrator pastes the State Council notice, checks the dates read from
 * it item by item, and confirms; it is saved as the street's calendar for that year (`case.saveSla`, the
 * versioned street document, with the notice number as reason) — or types the dates by hand.
 */
export function HolidayArrangement({ years, warning, onSaved }: { years: { year: number; source: Source }[]; warning: string | null; onSaved: () => void }) {
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<NoticeParse | null>(null);
  const [reason, setReason] = useState('');
  const [pickYear, setPickYear] = useState(String(years.at(-1)?.year ?? ''));
  const [pickHolidays, setPickHolidays] = useState('');
  const [pickWorkdays, setPickWorkdays] = useState('');
  const submit = useSubmit();

  const read = () => {
    const result = parseHolidayNotice(text);
    setParsed(result);
    if (result.ok && !reason) setReason(noticeNumber(text) || `国务院办公厅关于${result.year}年部分节假日安排的通知`);
  };

  const save = async (arrangement: Omit<YearArrangement, 'confirmedBy' | 'confirmedAt'>) => {
    // Read-modify-write on the version just read: the deadline editor on this page may have saved meanwhile.
    const ok = await submit.run(async () => {
      const config = await call('case', 'streetConfig', {});
      const others = config.calendar.yearArrangements.filter((a) => a.year !== arrangement.year);
      return call('case', 'saveSla', { expectedVersion: config.slaVersion, sla: config.sla, calendar: { ...config.calendar, yearArrangements: [...others, arrangement] } });
    });
    if (!ok) return;
    await Taro.showToast({ title: '已保存', icon: 'success' });
    setParsed(null);
    setText('');
    onSaved();
  };
  const list = (s: string) => s.split(/[，,、\s]+/).filter(Boolean);
  const fieldError = (name: string) => Object.entries(submit.fields).find(([k]) => k.includes(name))?.[1];

  return (
    <Section heading='放假安排（国务院通知）'>
      {warning && (
        <View className='section__error' role='alert'>
          {warning}
        </View>
      )}
      {years.map((y) => (
        <View key={y.year} className='admin-row'>
          <View className='admin-row__title'>{y.year}年</View>
          <View className='admin-row__meta'>{SOURCE_LABELS[y.source]}</View>
        </View>
      ))}
      <View className='section__help'>把国务院办公厅的放假通知全文粘贴到下面，点"读取日期"，核对每一项后再确认保存。</View>
      <Field label='通知全文' kind='multiline' value={text} onChange={setText} placeholder='国务院办公厅关于XXXX年部分节假日安排的通知……' maxLength={4000} />
      <BigButton disabled={text.trim() === ''} onClick={read}>
        读取日期
      </BigButton>
      {parsed && !parsed.ok && (
        <View className='section__error' role='alert'>
          {parsed.errors.join('；')}
        </View>
      )}
      {parsed?.ok && (
        <View aria-label='读取到的放假安排'>
          <View className='section__text'>{parsed.year}年，请核对：</View>
          {parsed.items.map((item) => (
            <View key={item.title} className='admin-row'>
              <View className='admin-row__title'>{item.title}</View>
              <View className='admin-row__meta'>放假：{datesText(item.holidays)}</View>
              <View className='admin-row__meta'>调休上班：{datesText(item.workdays)}</View>
            </View>
          ))}
          <Field label='依据（通知文号）' value={reason} onChange={setReason} error={fieldError('reason')} maxLength={200} />
          <BigButton kind='primary' disabled={submit.busy} onClick={() => void save({ year: parsed.year, holidays: parsed.holidays, workdays: parsed.workdays, source: 'notice', reason })}>
            {submit.busy ? '正在保存…' : `确认保存${parsed.year}年放假安排`}
          </BigButton>
        </View>
      )}
      <View className='section__help'>也可以直接填写日期（如 2027-01-01），多个用逗号分开。</View>
      <Field label='年份' kind='number' value={pickYear} onChange={setPickYear} maxLength={4} error={fieldError('year')} />
      <Field label='放假日期' value={pickHolidays} onChange={setPickHolidays} maxLength={800} error={fieldError('holidays')} placeholder='YYYY-MM-DD' />
      <Field label='调休上班日期' value={pickWorkdays} onChange={setPickWorkdays} maxLength={400} error={fieldError('workdays')} placeholder='YYYY-MM-DD' />
      <SubmitButton
        submit={submit}
        kind='default'
        onClick={() => void save({ year: Number(pickYear), holidays: list(pickHolidays), workdays: list(pickWorkdays), source: 'picked', reason: reason || '街道管理员按通知填写' })}
      >
        保存填写的日期
      </SubmitButton>
    </Section>
  );
}
