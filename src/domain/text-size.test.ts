import { effectiveFontScale, scaleForSystemFont } from './text-size';

describe('text size on first use follows the phone', () => {
  it('WeChat at 标准 (17 px) or a browser at 16 px is 标准; 20 px is 大字; 24 px and more is 特大字', () => {
    expect([16, 17, 18, 19, 20, 22, 23, 24, 30].map(scaleForSystemFont)).toEqual([
      'standard',
      'standard',
      'standard',
      'large',
      'large',
      'large',
      'xlarge',
      'xlarge',
      'xlarge',
    ]);
  });

  it('a phone that does not say its size gets 标准', () => {
    expect(scaleForSystemFont(undefined)).toBe('standard');
    expect(scaleForSystemFont(Number.NaN)).toBe('standard');
  });

  it('a size chosen on this device wins over the account and the phone', () => {
    expect(effectiveFontScale({ device: 'standard', account: 'xlarge', systemPx: 24 })).toBe('standard');
  });

  it('a new device takes a non-default size saved on the account, else the phone', () => {
    expect(effectiveFontScale({ account: 'large', systemPx: 24 })).toBe('large');
    expect(effectiveFontScale({ account: 'standard', systemPx: 24 })).toBe('xlarge');
    expect(effectiveFontScale({ systemPx: 16 })).toBe('standard');
  });
});
