import { orgApi } from '../../src/domain/org/api';
import { defineFunction, getApp, type FunctionMain, type PlatformContext } from '../_lib';
import { saveBuilding } from './buildings';
import { saveCommunity } from './communities';
import { departments, saveDepartment } from './departments';
import { gridDetail, saveGrid, updateGridInfo } from './grids';
import { setGridMembers } from './members';
import { listPeople, savePerson } from './people';
import { photoStorageOf, uploadPersonPhoto, type PhotoStorage } from './photo';
import { tree } from './tree';
import { auditLog, exportAudit } from './audit';

/**
 * The `org` function (PRODUCT.md §2): hierarchy administration. Every action loads its caller and its
 * target from the database and checks role and scope on the stored record (src/domain/access.ts).
 */
function orgHandlers(storage: PhotoStorage) {
  return defineFunction('org', orgApi, {
    tree: (_input, call) => tree(call),
    saveCommunity,
    saveGrid,
    updateGridInfo,
    saveBuilding,
    gridDetail,
    setGridMembers,
    listPeople: (input, call) => listPeople(input, call, storage),
    savePerson,
    departments: (_input, call) => departments(call),
    saveDepartment,
    uploadPersonPhoto: (input, call) => uploadPersonPhoto(input, call, storage),
    auditLog,
    exportAudit: (_input, call) => exportAudit(call, storage),
  });
}

// Storage needs the SDK app of this invocation's environment (locally: this local cloud's URL, which
// arrives in the context), and Invocation carries only the database; so the handlers are bound per call.
export const main: FunctionMain = (event, context?: PlatformContext) => orgHandlers(photoStorageOf(getApp(context)))(event, context);
