import * as z from 'zod';
import { configRecordSchema } from '../../src/domain/case/records';
import { gridRecordSchema } from '../../src/domain/org/records';
import { rateLimitRecordSchema, uploadRecordSchema } from '../../src/domain/platform/records';
import { userRecordSchema } from '../../src/domain/user';
import type { Database } from '../_lib';
import { configIds } from '../_lib/cases/street-config';
import { registerConfigId } from '../_lib/register';
import { residentIdFor } from '../_lib/caller';
import { collectionOf } from '../_lib/records';
import { uploadIdOf } from '../_lib/uploads';

/** Officers a grid has at most (the same cap as the staff lookup for notifications). */
const STAFF_CAP = 100;
/** Community and street staff a street has at most (the cap of callerAndStaff in _lib/notify.ts). */
const AREA_STAFF_CAP = 200;

const reportContextSchema = gridRecordSchema.extend({
  /** The street's case configs (`categories-`, `sla-`, `notification-templates-<street>`) and register rules (`register-<street>`), those that exist. */
  configs: z.array(configRecordSchema),
  /** The caller's `users` record (none: a first-time visitor). */
  caller: z.array(userRecordSchema).max(1),
  /** Users holding a grid role naming this grid; the street is checked by the caller (as for notifications). */
  gridStaff: z.array(userRecordSchema.pick({ _id: true, roles: true }).passthrough()),
  /** Community and street staff of the grid's street: told at once when the case is 突发性 (escalated at filing). */
  areaStaff: z.array(userRecordSchema.pick({ _id: true, roles: true }).passthrough()),
  /** The caller's rate-limit documents, every group (found by `subject`, indexed; for a first-time visitor those of the id their record will get). */
  windows: z.array(rateLimitRecordSchema),
  /** The `uploads` records of the report's photos (only those that exist). */
  uploads: z.array(uploadRecordSchema),
});
export type ReportContext = z.infer<typeof reportContextSchema>;

/**
 * Everything filing a case decides on, read in ONE aggregation anchored on the grid (issue 9 item 6:
 * filing ≤ 4 round trips — this read, the rate-limit window (or a first-time visitor's record), the case,
 * its outbox rows). `$lookup`s join the street's configs (correlated on the grid's street), the caller by
 * openid, the grid's officers, the street's community and street staff (a 突发性 case tells them at
 * once), the caller's windows and the photos' upload records. Null when the grid does not exist. The
 * caller still decides everything in the same order as before: grid, category, caller, photos, limits.
 */
export async function loadReportContext(db: Database, input: { gridId: string; openid: string; photos: readonly string[] }): Promise<ReportContext | null> {
  const _ = db.command;
  const $ = _.aggregate;
  const ids = configIds('');
  // The config ids are `<kind>-<street>`: built from the grid's street inside the pipeline.
  // With the street's register rules (`register-<street>`): they say which categories a resident's report drafts a register change from.
  const configIdsOfStreet = [...Object.values(ids), registerConfigId('')].map((prefix) => $.concat([prefix, '$$streetId']));
  const rows = await collectionOf(db, 'grids', gridRecordSchema).aggregate(
    (p) =>
      p
        .match({ _id: input.gridId })
        .lookup({ from: 'configs', let: { streetId: '$streetId' }, pipeline: $.pipeline().match(_.expr($.in(['$_id', configIdsOfStreet]))).done(), as: 'configs' })
        .lookup({ from: 'users', pipeline: $.pipeline().match({ openid: input.openid }).limit(1).done(), as: 'caller' })
        .lookup({
          from: 'users',
          pipeline: $.pipeline()
            .match({ roles: _.elemMatch({ role: _.in(['grid_officer', 'grid_chief']), gridIds: input.gridId }) })
            .project({ _id: 1, roles: 1 })
            .limit(STAFF_CAP)
            .done(),
          as: 'gridStaff',
        })
        .lookup({
          from: 'users',
          let: { streetId: '$streetId' },
          // The role match narrows by index; the street is the grid's, known only inside the pipeline.
          pipeline: $.pipeline()
            .match({ roles: _.elemMatch({ role: _.in(['community_staff', 'street_staff']) }) })
            .match(_.expr($.in(['$$streetId', '$roles.streetId'])))
            .project({ _id: 1, roles: 1 })
            .limit(AREA_STAFF_CAP)
            .done(),
          as: 'areaStaff',
        })
        // A first-time visitor has no record yet: their windows are those of the id it will get.
        .addFields({ windowSubjects: $.concatArrays(['$caller._id', [residentIdFor(input.openid)]]) })
        .lookup({ from: 'rate_limits', localField: 'windowSubjects', foreignField: 'subject', as: 'windows' })
        .lookup({ from: 'uploads', pipeline: $.pipeline().match({ _id: _.in(input.photos.map(uploadIdOf)) }).done(), as: 'uploads' }),
    reportContextSchema,
    { max: 1 },
  );
  if (rows[0]) return rows[0];
  return null;
}
