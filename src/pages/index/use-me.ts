import { useCallback, useState } from 'react';
import { useOnShow } from '../../services/use-on-show';
import { call, isCallError, type CallError } from '../../services/call';
import { applyAccountFontScale } from '../../services/font-scale';
import type { ActionOutput } from '../../domain/api';

export type Me = ActionOutput<'user', 'me'>;
export type MeState = { status: 'loading' } | { status: 'ready'; me: Me } | { status: 'failed'; error: CallError };

/** Loads `user.me` each time the page shows (so coming back from dev-login refreshes it). */
export function useMe(): { state: MeState; reload: () => void } {
  const [state, setState] = useState<MeState>({ status: 'loading' });
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    call('user', 'me', {})
      .then((me) => {
        applyAccountFontScale(me.prefs.fontScale);
        setState({ status: 'ready', me });
      })
      .catch((e: unknown) => {
        if (!isCallError(e)) throw e;
        setState({ status: 'failed', error: e });
      });
  }, []);
  useOnShow(reload);
  return { state, reload };
}
