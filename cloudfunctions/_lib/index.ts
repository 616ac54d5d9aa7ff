export { defineFunction, type Invocation, type Handlers, type FunctionMain } from './define-function';
export { getApp, getDb, type Database } from './app';
export { callerOpenid, nowFrom, invocationVariables, type PlatformContext } from './platform-context';
export { findCaller, findCallerRecord, requireCaller, callerOf, callerOrNewResident, newResident, insertResident, residentIdFor, usersOf, authorize, type Caller } from './caller';
export { timerOnly, timerEventOf, type TimerEvent } from './timer-only';
export { collectionOf, inTransaction, isDuplicate, CONFLICT_MESSAGE, BUSY_MESSAGE, type Collection, type Page, type PageOptions, type Tx, type TxCollection } from './records';
export { takeLimit, takeLimits, withLimit, limitDocId, type LimitSlot } from './rate-limit';
export { decodePhoto, recordUpload, requireOwnUploads, fileIdProblem, PHOTO_EXTENSIONS, type PhotoMime } from './uploads';
export { appendAudit, personalHash, changedFields, AUDIT_COLLECTION } from './audit';
