/**
 * A fixture function bundle for the crash-control contract test: four durable writes in a known order —
 * 1 insert, 2 update, 3 transaction commit (two documents), 4 remove — with reads in between that must
 * not count. Plain JS, loaded by the function gateway as a deployed bundle would be.
 */
const tcb = require('@cloudbase/node-sdk');

exports.main = async (event, context) => {
  const vars = JSON.parse(context.environment);
  const app = tcb.init({ env: vars.TCB_ENV, serviceUrl: vars.GRIDLINK_TCB_SERVICE_URL, secretId: vars.TENCENTCLOUD_SECRETID, secretKey: vars.TENCENTCLOUD_SECRETKEY });
  const db = app.database();
  const run = String(event.data && event.data.run);
  await db.collection('steps').add({ _id: `${run}-1`, step: 1 });
  await db.collection('steps').doc(`${run}-1`).get();
  await db.collection('steps').doc(`${run}-1`).update({ updated: true });
  await db.runTransaction(async (tx) => {
    await tx.collection('steps').add({ _id: `${run}-3a`, step: 3 });
    await tx.collection('steps').add({ _id: `${run}-3b`, step: 3 });
  });
  await db.collection('steps').doc(`${run}-1`).remove();
  return { ok: true };
};
