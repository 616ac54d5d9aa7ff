// Integration and browser tests run many functions at once in one process on a 2-core machine: each run's
// wall-clock time there includes waiting for the others, which CloudBase (an instance per concurrent run)
// never sees. They enforce three times each function's configured timeout
// (local-cloud/services/functions/time-limit.ts); tests/contract/function-time-limit.test.ts pins the
// limit itself at scale 1. Set GRIDLINK_FUNCTION_TIME_SCALE to choose another factor.
process.env.GRIDLINK_FUNCTION_TIME_SCALE ??= '3';
