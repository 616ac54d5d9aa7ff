import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { CaseChoice, CaseMultiChoice } from '../../../components/case-choice';
import { Field } from '../../../components/field';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { organiserScope } from '../../../domain/meeting/access';
import { MEETING_KIND_INFO, MEETING_KINDS, type MeetingKind } from '../../../domain/meeting/kinds';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';
import { chinaWallToIso } from '../../volunteer/shared/china-time-text';
import { meetingUrl } from '../shared/links';
import { WhenFields, type When } from './when-fields';
import '../shared/meeting.scss';

/**
 * 安排会议: the kinds the caller may call (community staff: the community's; street staff: the street's),
 * the usual date for the kind from the server, everyone in scope invited by default. One requestId per
 * page: a retried tap makes one meeting.
 */
export default function SchedulePage() {
  const me = useQuery(() => call('user', 'me', {}));
  const roles = me.state.status === 'ready' ? me.state.data.roles : [];
  const kinds = MEETING_KINDS.filter((k) => organiserScope(roles, k));
  const [picked, setKind] = useState<MeetingKind | undefined>(undefined);
  const kind = picked ?? kinds[0];
  return (
    <PageShell title='安排会议'>
      <QueryView state={me.state} onRetry={me.reload}>
        {() =>
          kinds.length === 0 ? (
            <Section heading='不能安排会议'>
              <View className='section__text'>只有社区工作人员（社区会议）和街道工作人员（街道调度会）可以安排会议。</View>
            </Section>
          ) : (
            <>
              <Section heading='会议类型'>
                <CaseChoice label='会议类型' columns={1} options={kinds.map((k) => ({ value: k, label: `${MEETING_KIND_INFO[k].label}（${MEETING_KIND_INFO[k].cadence}）` }))} value={kind} onChange={setKind} />
              </Section>
              {kind && <ScheduleForm key={kind} kind={kind} />}
            </>
          )
        }
      </QueryView>
    </PageShell>
  );
}

function ScheduleForm({ kind }: { kind: MeetingKind }) {
  const { state, reload } = useQuery(() => call('meeting', 'invitees', { kind }));
  return (
    <QueryView state={state} onRetry={reload}>
      {({ people, suggested }) => <FormFields kind={kind} people={people} suggested={suggested} />}
    </QueryView>
  );
}

function FormFields({ kind, people, suggested }: { kind: MeetingKind; people: Array<{ userId: string; name: string; roles: string }>; suggested: { date: string; start: string; end: string } }) {
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [note, setNote] = useState('');
  const [when, setWhen] = useState<When>({ day: suggested.date, start: suggested.start, end: suggested.end });
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(people.map((p) => p.userId)));
  const attendeeOptions = people.map((p) => ({ value: p.userId, label: `${p.name}（${p.roles}）` }));
  const [requestId] = useState(newRequestId);
  const submit = useSubmit();

  const save = async () => {
    const done = await submit.run(() =>
      call('meeting', 'schedule', {
        requestId,
        kind,
        title: title.trim() === '' ? undefined : title,
        place,
        startAt: chinaWallToIso(when.day, when.start),
        endAt: chinaWallToIso(when.day, when.end),
        attendeeIds: people.filter((p) => chosen.has(p.userId)).map((p) => p.userId),
        note,
      }),
    );
    if (!done) return;
    await Taro.showToast({ title: '会议已安排', icon: 'success' });
    await Taro.redirectTo({ url: meetingUrl(done.meeting.meetingId) });
  };

  return (
    <Section heading={MEETING_KIND_INFO[kind].label}>
      <View className='section__help'>依据：{MEETING_KIND_INFO[kind].source}</View>
      <Field label='会议名称（可不填）' value={title} onChange={setTitle} error={submit.fields.title} maxLength={40} placeholder={MEETING_KIND_INFO[kind].label} />
      <WhenFields when={when} onChange={setWhen} error={submit.fields.startAt ?? submit.fields.endAt} />
      <Field label='会议地点' value={place} onChange={setPlace} error={submit.fields.place} maxLength={60} placeholder='例如：社区二楼会议室' />
      <CaseMultiChoice label='参会人' unit='人' options={attendeeOptions} value={chosen} onChange={setChosen} error={submit.fields.attendeeIds} />
      <Field label='会议说明（可不填）' kind='multiline' value={note} onChange={setNote} error={submit.fields.note} maxLength={300} />
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
        {submit.busy ? '正在安排…' : `安排会议并通知 ${chosen.size} 人`}
      </BigButton>
    </Section>
  );
}
