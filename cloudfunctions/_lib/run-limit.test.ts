import { runLimit } from './run-limit';

/** The context CloudBase hands a function: its variables as a JSON string in `environment`. */
const contextWith = (vars: Record<string, string>) => ({ environment: JSON.stringify({ TCB_ENV: 'env-test', SCF_NAMESPACE: 'env-test', ...vars }) });

describe('runLimit: items per timer run from the function environment, else the default', () => {
  it('takes a positive whole number from the variable', () => {
    expect(runLimit(contextWith({ GRIDLINK_X_RUN_LIMIT: '3' }), 'GRIDLINK_X_RUN_LIMIT', 500)).toBe(3);
  });

  it('keeps the default when the variable is unset or empty', () => {
    expect(runLimit(contextWith({}), 'GRIDLINK_X_RUN_LIMIT', 500)).toBe(500);
    expect(runLimit(contextWith({ GRIDLINK_X_RUN_LIMIT: '' }), 'GRIDLINK_X_RUN_LIMIT', 500)).toBe(500);
  });

  it.each(['0', '-5', '2.5', 'lots'])('ignores %s and keeps the default', (value) => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(runLimit(contextWith({ GRIDLINK_X_RUN_LIMIT: value }), 'GRIDLINK_X_RUN_LIMIT', 500)).toBe(500);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('GRIDLINK_X_RUN_LIMIT'));
    log.mockRestore();
  });
});
