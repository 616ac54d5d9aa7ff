import { View } from '@tarojs/components';
import type { AttendanceStatus } from '../../../domain/meeting/attendance';

/** The attendance status as a coloured word (the word carries the meaning; the colour only helps). */
export function StatusBadge({ status, label }: { status: AttendanceStatus; label: string }) {
  return <View className={`mt-badge mt-badge--${status}`}>{label}</View>;
}
