import { canEditGridInfo } from '../../src/domain/access';
import { authorize, defineFunction, getApp, requireCaller, type Invocation, type PlatformContext } from '../_lib';
import { buildBoardView, loadEnabledGrid, loadPersons, photoFileIds, type StoredGrid } from './view';
import { boardTarget, fetchWxacode, sceneFor } from './wxacode';

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

function handlers(app: App) {
  return defineFunction('board', {
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
  });
}

/**
 * The SDK app comes from the invocation context (locally it names the local cloud's admin API), so the
 * handlers are bound per call; defineFunction only builds a closure and getApp caches the app.
 */
export async function main(event: unknown, context?: PlatformContext) {
  return handlers(getApp(context))(event, context);
}
