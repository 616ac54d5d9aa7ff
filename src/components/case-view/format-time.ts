import { chinaWall } from '../../domain/calendar/china-time';
/** "11月23日 09:05" in China time, whatever the phone's zone: deadlines and events are Beijing time. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const china = chinaWall(d);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`;
}
