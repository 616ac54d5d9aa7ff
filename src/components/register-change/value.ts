import type { ChangeKind } from '../../domain/register/vocabulary';

// Pure (no Taro): the forms' checks import it, and unit tests run it without a renderer.

/** What the 户况有变动 control holds while the form is filled. */
export interface RegisterChangeValue {
  on: boolean;
  kind?: ChangeKind;
  subject: string;
}
export const NO_REGISTER_CHANGE: RegisterChangeValue = { on: false, subject: '' };

/**
 * The note a form sends (`registerChange` of a visit, `register` of a patrol finding): nothing when the
 * switch is off; when on, the kind even if not chosen yet, so the function names the missing field.
 */
export function noticedChangeOf(v: RegisterChangeValue): { kind: ChangeKind; subject: string } | undefined {
  if (!v.on) return undefined;
  return { kind: v.kind as ChangeKind, subject: v.subject };
}
