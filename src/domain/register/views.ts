import { careGroupLabel, type CareGroup } from './care-groups';
import { JOB_STATUS_LABELS, RELATION_LABELS, RESIDENT_STATUS_LABELS, SEX_LABELS, TENURE_LABELS } from './vocabulary';
import type { HouseholdRecord, ResidentRecord } from './records';
import type { PersonView } from './api';

/**
 * Stored records → what a client may see, by explicit allow-list (STYLE: a new stored field never leaks).
 * The sealed ID number and phone are never part of a view; their masked forms are passed in by the
 * caller, who alone holds the key to open them.
 */
export function personView(r: ResidentRecord, masked: { idMasked?: string; phoneMasked?: string }, visibleFlags: string[], groups: readonly CareGroup[], address?: string): PersonView {
  return {
    residentId: r._id,
    householdId: r.householdId,
    name: r.name,
    sex: r.sex,
    sexLabel: SEX_LABELS[r.sex],
    birthDate: r.birthDate,
    ...(masked.idMasked ? { idMasked: masked.idMasked } : {}),
    ...(masked.phoneMasked ? { phoneMasked: masked.phoneMasked } : {}),
    relation: r.relation,
    relationLabel: RELATION_LABELS[r.relation],
    partyMember: r.partyMember,
    job: r.job,
    jobLabel: JOB_STATUS_LABELS[r.job],
    skills: r.skills,
    careFlags: visibleFlags,
    careLabels: visibleFlags.map((f) => careGroupLabel(groups, f)),
    status: r.status,
    statusLabel: RESIDENT_STATUS_LABELS[r.status],
    ...(address ? { address } : {}),
    version: r.version,
  };
}

export function householdSummary(h: HouseholdRecord, headName: string | undefined, visibleFlags: string[], groups: readonly CareGroup[]) {
  return {
    householdId: h._id,
    gridId: h.gridId,
    buildingName: h.buildingName,
    unit: h.unit,
    room: h.room,
    address: h.address,
    tenure: h.tenure,
    tenureLabel: TENURE_LABELS[h.tenure],
    ...(headName ? { headName } : {}),
    memberCount: h.memberCount,
    careLabels: visibleFlags.map((f) => careGroupLabel(groups, f)),
    version: h.version,
  };
}
