import { useEffect, useState } from 'react';
import { getFontScale, subscribeFontScale, type FontScale } from '../../services/font-scale';

/** The current app-wide font scale; re-renders when any page changes it. */
export function useFontScale(): FontScale {
  const [scale, setScale] = useState<FontScale>(getFontScale);
  useEffect(() => subscribeFontScale(setScale), []);
  return scale;
}
