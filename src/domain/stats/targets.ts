import * as z from 'zod';
import type { KpiKey, KpiValue } from './kpis';

/**
 * Red / amber / green against a street's targets (issue 16 item 3). Configuration, not conditionals: the
 * defaults below carry their source; a street overrides a target with a reason (`configs/stats-<street>`).
 */
export const TARGET_KPIS = ['onTimeClosureRate', 'satisfactionRate', 'closureRate', 'reworkRate'] as const satisfies readonly KpiKey[];
export type TargetKpi = (typeof TARGET_KPIS)[number];

export const targetSchema = z.object({
  /** The line to reach, in percent. */
  target: z.number().min(0).max(100),
  /** `atLeast`: higher is better (按期, 满意); `atMost`: lower is better (返工). */
  direction: z.enum(['atLeast', 'atMost']),
  /** Within this many points on the wrong side of the target it is amber, beyond it red. */
  amberBand: z.number().min(0).max(100),
  reason: z.string().min(1, '请写明依据'),
});
export type Target = z.infer<typeof targetSchema>;

export const DEFAULT_TARGETS: Record<TargetKpi, Target> = {
  onTimeClosureRate: { target: 95, direction: 'atLeast', amberBand: 5, reason: '002 L37 "限时办结并反馈率95%以上的得10分，每少5%扣0.5分"：差一档（5%）内为黄' },
  satisfactionRate: { target: 90, direction: 'atLeast', amberBand: 5, reason: '002 L39–41 "满意率达90%以上的得10分，每少5%扣0.5分"：差一档（5%）内为黄' },
  closureRate: { target: 95, direction: 'atLeast', amberBand: 5, reason: '无来源数字，默认与按期结案率同线' },
  reworkRate: { target: 5, direction: 'atMost', amberBand: 5, reason: '无来源数字，默认返工率不超过5%' },
};

export const statsConfigSchema = z.object({
  targets: z
    .partialRecord(z.enum(TARGET_KPIS), targetSchema)
    .default(DEFAULT_TARGETS)
    .transform((t): Record<TargetKpi, Target> => ({ ...DEFAULT_TARGETS, ...t })),
});
export type StatsConfig = z.infer<typeof statsConfigSchema>;
export const DEFAULT_STATS_CONFIG: StatsConfig = statsConfigSchema.parse({});
export const statsConfigId = (streetId: string) => `stats-${streetId}`;

export const RAG = ['green', 'amber', 'red', 'none'] as const;
export type Rag = (typeof RAG)[number];
export const RAG_LABELS: Record<Rag, string> = { green: '达标', amber: '接近目标', red: '未达标', none: '暂无数据' };

/** Green on the right side of the target, amber within the band, red beyond; none without a value. */
export function ragOf(value: KpiValue, t: Target): Rag {
  if (value === null) return 'none';
  const shortBy = t.direction === 'atLeast' ? t.target - value : value - t.target;
  if (shortBy <= 0) return 'green';
  return shortBy <= t.amberBand ? 'amber' : 'red';
}
