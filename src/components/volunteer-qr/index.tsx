import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { create } from 'qrcode/lib/core/qrcode';
import './index.scss';

/** ASCII only (our codes and paths): bytes without TextEncoder, which older WeChat base libraries lack. */
const asciiBytes = (text: string) => Array.from(text, (ch) => ch.charCodeAt(0) & 0x7f);

/** Each row as runs of dark/light modules, so a version-5 code is a few hundred views, not 1 400. */
function runsOf(text: string): number[][] {
  const { modules } = create([{ data: asciiBytes(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const rows: number[][] = [];
  for (let r = 0; r < modules.size; r += 1) {
    const runs: number[] = [];
    let dark = false;
    let length = 0;
    for (let c = 0; c < modules.size; c += 1) {
      const isDark = Boolean(modules.get(r, c));
      if (isDark === dark) length += 1;
      else {
        runs.push(length);
        dark = isDark;
        length = 1;
      }
    }
    runs.push(length);
    rows.push(runs);
  }
  return rows;
}

interface VolunteerQrProps {
  text: string;
  /** What the code is for, for screen readers ("活动签到二维码"). */
  label: string;
  /** Width of one module in px. */
  cell?: number;
}

/**
 * A QR code drawn with plain views (no canvas, works the same in weapp and H5): the organiser shows it on
 * their phone at the place and volunteers scan it with 扫码签到. Runs start with a light run (maybe empty).
 */
export function VolunteerQr({ text, label, cell = 6 }: VolunteerQrProps) {
  const rows = useMemo(() => runsOf(text), [text]);
  return (
    <View className='vol-qr' role='img' aria-label={label}>
      {rows.map((runs, r) => (
        <View key={r} className='vol-qr__row' style={{ height: `${cell}px` }}>
          {runs.map((length, i) =>
            length === 0 ? null : <View key={i} className={i % 2 === 1 ? 'vol-qr__dark' : 'vol-qr__light'} style={{ width: `${length * cell}px`, height: `${cell}px` }} />,
          )}
        </View>
      ))}
    </View>
  );
}
