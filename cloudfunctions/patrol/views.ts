import type { z } from 'zod';
import type { findingViewSchema, PatrolSummary, patrolDetailSchema } from '../../src/domain/patrol/api';
import { FINDING_KIND_LABELS, PATROL_STATE_LABELS, VERIFICATION_LABELS, type FindingRecord, type PatrolRecord } from '../../src/domain/patrol/records';
import type { PatrolRules } from '../../src/domain/patrol/rules';
import { minutesPatrolled, trackLengthMetres } from '../../src/domain/patrol/track';
import type { getApp } from '../_lib';

type App = ReturnType<typeof getApp>;

export function summaryOf(p: PatrolRecord, now: Date, rules: PatrolRules): PatrolSummary {
  return {
    patrolId: p._id,
    gridId: p.gridId,
    gridName: p.gridName,
    workerId: p.workerId,
    workerName: p.workerName,
    state: p.state,
    stateLabel: PATROL_STATE_LABELS[p.state],
    startedAt: p.startedAt.toISOString(),
    ...(p.endedAt ? { endedAt: p.endedAt.toISOString() } : {}),
    minutes: p.minutes ?? minutesPatrolled(p, now, rules),
    pointCount: p.pointCount,
    checkInCount: p.checkIns.length,
    findingCount: p.findings.length,
  };
}

export const samplingOf = (rules: PatrolRules) => ({ minPointIntervalSeconds: rules.minPointIntervalSeconds, maxPointsPerBatch: rules.maxPointsPerBatch });

/** Temporary URLs of the findings' photos in one storage call; a photo that cannot be linked is left out. */
export async function photoUrlsOf(app: App, findings: readonly FindingRecord[]): Promise<Map<string, string>> {
  const ids = [...new Set(findings.flatMap((f) => [...f.beforePhotos, ...f.afterPhotos]))];
  const urls = new Map<string, string>();
  if (!ids.length) return urls;
  const { fileList } = await app.getTempFileURL({ fileList: ids });
  for (const file of fileList ?? []) if (file.tempFileURL) urls.set(file.fileID, file.tempFileURL);
  return urls;
}

export function findingViewOf(f: FindingRecord, urls: Map<string, string>): z.infer<typeof findingViewSchema> {
  const linked = (ids: string[]) => ids.flatMap((id) => (urls.has(id) ? [urls.get(id)!] : []));
  return {
    findingId: f.id,
    kind: f.kind,
    kindLabel: FINDING_KIND_LABELS[f.kind],
    at: f.at.toISOString(),
    categoryLabel: f.categoryLabel,
    description: f.description,
    ...(f.caseId ? { caseId: f.caseId } : {}),
    beforePhotoUrls: linked(f.beforePhotos),
    afterPhotoUrls: linked(f.afterPhotos),
    sampled: f.sampled,
    ...(f.verification
      ? { verification: { byName: f.verification.byName, at: f.verification.at.toISOString(), result: f.verification.result, resultLabel: VERIFICATION_LABELS[f.verification.result], note: f.verification.note } }
      : {}),
  };
}

export function detailOf(p: PatrolRecord, now: Date, rules: PatrolRules, urls: Map<string, string>): z.infer<typeof patrolDetailSchema> {
  return {
    ...summaryOf(p, now, rules),
    track: p.track.map((t) => ({ at: t.at.toISOString(), lat: t.lat, lng: t.lng })),
    trackPurged: p.trackPurgedAt !== undefined,
    lengthMetres: Math.round(trackLengthMetres(p.track)),
    checkIns: p.checkIns.map((c) => ({ buildingId: c.buildingId, buildingName: c.buildingName, at: c.at.toISOString() })),
    findings: p.findings.map((f) => findingViewOf(f, urls)),
  };
}
