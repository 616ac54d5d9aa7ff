import { CaseChoice, CaseSwitch } from '../case-choice';
import { Field } from '../field';
import { CHANGE_KIND_LABELS, CHANGE_KINDS } from '../../domain/register/vocabulary';
import type { RegisterChangeValue } from './value';

export { HouseholdChoice } from './household-choice';
export { NO_REGISTER_CHANGE, noticedChangeOf, type RegisterChangeValue } from './value';

/**
 * 户况有变动 (issue 15 item 5): one big switch on a visit, patrol finding or (for a grid's worker) 我要上报 form, then what kind of change and who
 * or what it concerns, in a few words. Sent with the form, it drafts a change in the register for the
 * grid's worker to confirm (待确认的户况变动) — no ID number or phone here, those are asked on confirming.
 * `errors` are the function's messages for `kind` and `subject` under whatever the form calls the note.
 */
export function RegisterChangeControl({ value, onChange, errors, help }: { value: RegisterChangeValue; onChange: (v: RegisterChangeValue) => void; errors: { kind?: string; subject?: string }; help: string }) {
  return (
    <>
      <CaseSwitch label='户况有变动' help={help} checked={value.on} onChange={(on) => onChange({ ...value, on })} />
      {value.on && (
        <>
          <CaseChoice label='变动类型' options={CHANGE_KINDS.map((k) => ({ value: k, label: CHANGE_KIND_LABELS[k] }))} value={value.kind} onChange={(kind) => onChange({ ...value, kind })} error={errors.kind} />
          <Field label='涉及的人员（如 王芳、新租户）' value={value.subject} onChange={(subject) => onChange({ ...value, subject })} error={errors.subject} maxLength={20} placeholder='20字以内，不填身份证号和电话' />
        </>
      )}
    </>
  );
}
