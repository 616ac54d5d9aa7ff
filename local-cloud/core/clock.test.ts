import { Clock } from './clock';

describe('the local cloud clock', () => {
  afterEach(() => jest.restoreAllMocks());

  it('frozen at a set instant stays exactly there, however long the request took between set and freeze', () => {
    let real = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => (real += 3));
    const clock = new Clock();
    const at = Date.parse('2026-12-12T22:00:00+08:00');
    clock.set(at);
    clock.freeze(at);
    expect(clock.now()).toBe(at);
    clock.advance(30 * 60_000);
    expect(clock.now()).toBe(at + 30 * 60_000);
  });

  it('without an instant, freezes where it is now and keeps running again after reset', () => {
    let real = 5_000;
    jest.spyOn(Date, 'now').mockImplementation(() => real);
    const clock = new Clock();
    clock.set(90_000);
    real += 7;
    clock.freeze();
    real += 1_000;
    expect(clock.now()).toBe(90_007);
    clock.reset();
    expect(clock.now()).toBe(real);
  });
});
