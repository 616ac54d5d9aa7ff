import { useRef, useState } from 'react';
import { isCallError } from './call';
import type { FieldErrors } from '../domain/errors';

export interface Submit {
  busy: boolean;
  fields: FieldErrors;
  message: string;
  /** Runs one call at a time: a second tap while one is in flight does nothing (no double submit). */
  run: <T>(send: () => Promise<T>) => Promise<T | undefined>;
  reset: () => void;
  /** The user changed this field: its error goes at once (issue 8 item 8), the others stay. */
  clearField: (...names: string[]) => void;
}

export function useSubmit(): Submit {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');

  const run = async <T,>(send: () => Promise<T>): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    setFields({});
    setMessage('');
    try {
      return await send();
    } catch (e) {
      if (!isCallError(e)) throw e;
      setFields(e.fields);
      setMessage(e.message);
      return undefined;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  const reset = () => {
    setFields({});
    setMessage('');
  };
  const clearField = (...names: string[]) =>
    setFields((f) => {
      if (!names.some((n) => n in f)) return f;
      const left = { ...f };
      names.forEach((n) => delete left[n]);
      if (Object.keys(left).length === 0) setMessage('');
      return left;
    });
  return { busy, fields, message, run, reset, clearField };
}
