import { useEffect, useRef } from 'react';

/** Reloads when a filter changes (not on mount: `useQuery` already loads when the page shows). */
export function useReloadOn(deps: readonly unknown[], reload: () => void): void {
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    reload();
  }, deps);
}
