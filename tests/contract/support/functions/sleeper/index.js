/**
 * A fixture function bundle for the function time-limit contract test: answers after `event.ms`
 * milliseconds, or throws when `event.fail` is set. Its config.json gives it CloudBase's shortest
 * timeout, 1 s.
 */
exports.main = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, Number(event.ms) || 0));
  if (event.fail) throw new Error(String(event.fail));
  return { ok: true, slept: Number(event.ms) || 0 };
};
