import { locationSchema } from './api';

describe('where a problem is', () => {
  it('a point picked on the map is enough', () => {
    expect(locationSchema.safeParse({ lat: 31.86, lng: 117.28 }).success).toBe(true);
  });

  it('a typed address is enough when the resident refuses location access', () => {
    expect(locationSchema.safeParse({ address: '肥东路12号3栋楼下' }).success).toBe(true);
  });

  it('neither a point nor an address means somewhere in the grid the QR code named (issue 8 item 2)', () => {
    expect(locationSchema.safeParse({}).success).toBe(true);
    expect(locationSchema.safeParse({ address: '  ' })).toMatchObject({ success: true, data: { address: '' } });
  });

  it('half a coordinate is refused', () => {
    expect(locationSchema.safeParse({ lat: 31.86, address: '肥东路' }).success).toBe(false);
  });
});
