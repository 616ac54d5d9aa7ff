import { locationSchema } from './api';

describe('where a problem is', () => {
  it('a point picked on the map is enough', () => {
    expect(locationSchema.safeParse({ lat: 31.86, lng: 117.28 }).success).toBe(true);
  });

  it('a typed address is enough when the resident refuses location access', () => {
    expect(locationSchema.safeParse({ address: '肥东路12号3栋楼下' }).success).toBe(true);
  });

  it('neither a point nor an address is refused with a message saying what to do', () => {
    const result = locationSchema.safeParse({ address: '  ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('请在地图上选位置，或填写地址');
  });

  it('half a coordinate is refused', () => {
    expect(locationSchema.safeParse({ lat: 31.86, address: '肥东路' }).success).toBe(false);
  });
});
