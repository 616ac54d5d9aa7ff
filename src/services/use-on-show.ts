import { useEffect, useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/** A show this soon after a load (the page's first show right after the component mounted) does not load again. */
const SAME_SHOW_MS = 1000;

/**
 * Runs `load` when the component mounts and each time its page shows again (coming back from an
 * action page shows the new state). useDidShow alone misses a component mounted after its page
 * showed — a form under a list that loaded first stayed on 正在加载 for good.
 */
export function useOnShow(load: () => void): void {
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastLoad = useRef(Number.NEGATIVE_INFINITY);
  const run = () => {
    const now = Date.now();
    if (now - lastLoad.current < SAME_SHOW_MS) return;
    lastLoad.current = now;
    loadRef.current();
  };
  useEffect(run, []);
  useDidShow(run);
}
