import { registerApi } from '../../src/domain/register/api';
import { defineFunction, getApp, invocationVariables, type FunctionMain, type Invocation, type PlatformContext } from '../_lib';
import { acknowledgeHandover, changes, dismissChange, drafts, overdue } from './changes';
import { confirmChange } from './confirm';
import type { RegisterCall } from './context';
import { household, households, saveHousehold } from './households';
import { movePerson } from './move';
import { revealPerson, savePerson, setCareFlags } from './people';
import { rules, saveRules } from './rules';
import { registerKeysFrom, type RegisterKeys } from './sealing';
import { rotateKeys } from './rotate';
import { searchPeople } from './search';
import { exportStorageOf, type ExportStorage } from '../_lib/export-storage';
import { exportChoices, exportHouseholds, importTemplate } from './excel-export';
import { importHouseholds } from './excel-import';
import { endTenancy, recordRenterContact, saveTenancy } from './tenancies';

/**
 * The `register` function (issue 15): buildings → households → people of a grid, their care groups,
 * dated changes with 交接单 and deadlines, search, masked views and audited full reads. ID numbers and
 * phones are sealed with the key in the function's environment (sealing.ts) before they reach the database.
 */
function registerHandlers(keys: () => RegisterKeys, storage: ExportStorage) {
  const withKeys =
    <I, O>(handler: (input: I, call: RegisterCall) => Promise<O>) =>
    (input: I, call: Invocation) =>
      handler(input, { ...call, keys });
  return defineFunction('register', registerApi, {
    saveHousehold,
    households,
    household: withKeys(household),
    savePerson: withKeys(savePerson),
    setCareFlags: withKeys(setCareFlags),
    movePerson: withKeys(movePerson),
    revealPerson: withKeys(revealPerson),
    searchPeople: withKeys(searchPeople),
    saveTenancy: withKeys(saveTenancy),
    recordRenterContact: withKeys(recordRenterContact),
    endTenancy: withKeys(endTenancy),
    changes,
    drafts,
    confirmChange: withKeys(confirmChange),
    dismissChange,
    acknowledgeHandover,
    overdue,
    rules,
    saveRules,
    rotateKeys: withKeys(rotateKeys),
    importHouseholds: withKeys(importHouseholds),
    importTemplate: withKeys((_input: unknown, call: RegisterCall) => importTemplate(call, storage)),
    exportChoices: withKeys((_input: unknown, call: RegisterCall) => exportChoices(call)),
    exportHouseholds: withKeys((input: Parameters<typeof exportHouseholds>[0], call: RegisterCall) => exportHouseholds(input, call, storage)),
  });
}

export const main: FunctionMain = (event, context?: PlatformContext) => {
  let opened: RegisterKeys | undefined;
  // The key is read from this invocation's environment, and only when a handler needs it.
  const keys = () => (opened ??= registerKeysFrom(invocationVariables(context)));
  return registerHandlers(keys, exportStorageOf(getApp(context)))(event, context);
};

