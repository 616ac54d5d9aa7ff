import { findingUrl, sceneOfPath } from './worker-links';

describe('worker links', () => {
  it('reads the building scene from a scanned mini-program code\'s path', () => {
    expect(sceneOfPath('packages/worker/check-in/index?scene=b%3Abuilding-0123')).toBe('b:building-0123');
    expect(sceneOfPath('pages/grid/index?gridId=grid-a1')).toBeNull();
  });

  it('opens the problem form of a patrol prefilled with a 八必报 item\'s category', () => {
    expect(findingUrl('patrol-1', 'case', 'fire_lane', '消防车道堵塞')).toBe(
      `/packages/worker/finding/index?patrolId=patrol-1&mode=case&categoryId=fire_lane&title=${encodeURIComponent('消防车道堵塞')}`,
    );
  });
});
