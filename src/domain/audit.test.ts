import { auditFieldsText } from './audit';

describe('auditFieldsText', () => {
  it('names the fields in Chinese, each once, care groups by their label, unknown names as 其他信息', () => {
    expect(auditFieldsText(['phone', 'photoFileId', 'phoneTailKey'], {})).toBe('电话、照片');
    expect(auditFieldsText(['elderly_alone', 'idNumber'], { elderly_alone: '独居老人' })).toBe('独居老人、完整证件号码');
    expect(auditFieldsText(['somethingNew', 'otherNew'], {})).toBe('其他信息');
    expect(auditFieldsText([], {})).toBe('');
  });
});
