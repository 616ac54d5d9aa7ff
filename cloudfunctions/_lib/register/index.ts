export { registerStores, idFromRequest, loadRegisterRules, registerConfigId, type RegisterStores } from './stores';
export { householdLookup, type HouseholdLookup } from './lookup';
export { buildChange, type ChangeFacts } from './changes';
export { refreshGridCounts } from './counts';
export { addressDraftOf, draftRegisterChange, insertDraft, insertDraftInTransaction, prepareDraft, type DraftRequest, type DraftSource } from './drafts';
