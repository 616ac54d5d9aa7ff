import { boardApi } from '../../src/domain/org/api';
import { canEditGridInfo } from '../../src/domain/access';
import { DomainError } from '../../src/domain/errors';
import { buildingRecordSchema, type BuildingRecord } from '../../src/domain/org/records';
import { buildingScene } from '../../src/domain/patrol/building-code';
import { authorize, collectionOf, defineFunction, getApp, requireCaller, type Invocation, type PlatformContext } from '../_lib';
import { buildBoardView, loadEnabledGrid, loadPersons, photoFileIds, type StoredGrid } from './view';
import { boardTarget, CHECK_IN_PAGE, fetchWxacode, sceneFor } from './wxacode';

type App = ReturnType<typeof getApp>;

/** Temp URLs handed to staff for download: long enough to open, print or forward the same day. */
const DOWNLOAD_URL_MAX_AGE_S = 3600;

/** Staff whose scope covers the grid (its officers and chief, its community's staff, street admins). */
async function loadGridForStaff(gridId: string, call: Invocation): Promise<StoredGrid> {
  const caller = await requireCaller(call);
  const grid = await loadEnabledGrid(call.db, gridId);
  authorize(canEditGridInfo(caller.roles, { streetId: grid.streetId, communityId: grid.communityId, gridId: grid._id }));
  return grid;
}

/** The board from an already-read grid: one `persons` query, then one storage call for the photos. */
async function boardOf(app: App, grid: StoredGrid, call: Invocation) {
  const persons = await loadPersons(call.db, grid);
  const fileIds = photoFileIds(grid, persons);
  const photoUrls = new Map<string, string>();
  if (fileIds.length) {
    // Storage, not the database: a photo that cannot be linked leaves its card without a picture.
    const { fileList } = await app.getTempFileURL({ fileList: fileIds });
    for (const file of fileList ?? []) if (file.tempFileURL) photoUrls.set(file.fileID, file.tempFileURL);
  }
  return buildBoardView(grid, persons, photoUrls);
}

/** Overwrites `cloudPath` (one current file per grid) and returns its id and a download URL. */
async function store(app: App, cloudPath: string, bytes: Buffer): Promise<{ fileId: string; url: string }> {
  const { fileID } = await app.uploadFile({ cloudPath, fileContent: bytes });
  const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: DOWNLOAD_URL_MAX_AGE_S }] });
  return { fileId: fileID, url: fileList?.[0]?.tempFileURL ?? '' };
}

/** A building's check-in code as PNG: its scene names the building, the page is the patrol check-in. */
async function buildingCode(app: App, building: BuildingRecord): Promise<{ scene: string; png: Buffer }> {
  const scene = buildingScene(building._id);
  // Building ids are made by the org function; one that does not fit a scene is a bug there.
  if (!scene) throw new DomainError('INTERNAL', '楼栋编号无法生成小程序码，请联系管理员');
  return { scene, png: await fetchWxacode(app, scene, CHECK_IN_PAGE) };
}

/**
 * Codes are fetched one after another: concurrent openapi calls timed out (15 s) against the local
 * cloud under load, and at ~0.2 s a code a grid of 60 buildings still prints well inside the 20 s limit.
 */
const CODES_AT_ONCE = 1;

function handlers(app: App) {
  return defineFunction('board', boardApi, {
    // Public: no caller lookup, so a visitor without a `users` record sees the board in two reads.
    async get({ gridId }, call) {
      const grid = await loadEnabledGrid(call.db, gridId);
      return boardOf(app, grid, call);
    },

    async qrcode({ gridId }, call) {
      const grid = await loadGridForStaff(gridId, call);
      const scene = sceneFor(grid._id);
      const png = await fetchWxacode(app, scene);
      const { url } = await store(app, `qrcodes/${grid._id}.png`, png);
      return { url, scene, target: boardTarget(grid._id) };
    },

    async poster({ gridId }, call) {
      const grid = await loadGridForStaff(gridId, call);
      const [view, png] = await Promise.all([boardOf(app, grid, call), fetchWxacode(app, sceneFor(grid._id))]);
      // Loaded on first use: pdfkit and fontkit are most of the bundle, and the public board's cold start
      // should not pay for them.
      const { renderPoster } = await import('./poster');
      const pdf = await renderPoster(view, png);
      return store(app, `posters/${grid._id}.pdf`, pdf);
    },

    async buildingQrcode({ buildingId }, call) {
      const building = await collectionOf(call.db, 'buildings', buildingRecordSchema).require(buildingId, '楼栋');
      await loadGridForStaff(building.gridId, call);
      const { scene, png } = await buildingCode(app, building);
      const { url } = await store(app, `qrcodes/buildings/${building._id}.png`, png);
      return { url, scene, target: `${CHECK_IN_PAGE}?scene=${encodeURIComponent(scene)}` };
    },

    async buildingSheet({ gridId }, call) {
      const grid = await loadGridForStaff(gridId, call);
      const buildings = await collectionOf(call.db, 'buildings', buildingRecordSchema).all({ gridId: grid._id }, { orderBy: ['name', 'asc'] });
      const codes: Array<{ name: string; png: Buffer }> = [];
      for (let i = 0; i < buildings.length; i += CODES_AT_ONCE) {
        const batch = await Promise.all(buildings.slice(i, i + CODES_AT_ONCE).map(async (b) => ({ name: b.name, png: (await buildingCode(app, b)).png })));
        codes.push(...batch);
      }
      const { renderBuildingSheet } = await import('./building-sheet');
      const pdf = await renderBuildingSheet(grid, codes);
      return { ...(await store(app, `posters/buildings-${grid._id}.pdf`, pdf)), buildings: buildings.length };
    },
  });
}

/**
 * The SDK app comes from the invocation context (locally it names the local cloud's admin API), so the
 * handlers are bound per call; defineFunction only builds a closure and getApp caches the app.
 */
export async function main(event: unknown, context?: PlatformContext) {
  return handlers(getApp(context))(event, context);
}
