import Taro from '@tarojs/taro';

/**
 * A form draft kept in local storage (weapp: wx storage; H5: localStorage), so closing the app or
 * reloading the page loses nothing. One key per form; a version in the key drops drafts of an older shape.
 */
export interface DraftStore<T> {
  load: () => T | null;
  save: (draft: T) => void;
  clear: () => void;
}

export function draftStore<T>(key: string, isDraft: (v: unknown) => v is T): DraftStore<T> {
  const storageKey = `draft:${key}`;
  return {
    load: () => {
      try {
        const raw: unknown = Taro.getStorageSync(storageKey);
        return isDraft(raw) ? raw : null;
      } catch {
        return null;
      }
    },
    save: (draft) => {
      try {
        Taro.setStorageSync(storageKey, draft);
      } catch {
        // Storage full or unavailable: the form still works, only the draft is not kept.
      }
    },
    clear: () => {
      try {
        Taro.removeStorageSync(storageKey);
      } catch {
        // nothing to clear
      }
    },
  };
}
