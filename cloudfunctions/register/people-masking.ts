import { maskPhone } from '../../src/domain/org/phone';
import { idTail, maskIdNumber, type ResidentRecord } from '../../src/domain/register';
import type { RegisterKeys } from './sealing';

/** Where a resident's sealed values are bound (AES-GCM associated data): the record and the field. */
export const sealContext = {
  id: (residentId: string) => `idNumber:${residentId}`,
  phone: (residentId: string) => `phone:${residentId}`,
  landlordPhone: (tenancyId: string) => `landlordPhone:${tenancyId}`,
};

/** The sealed and hashed fields of a resident for an ID number and phone (absent ones stay absent). */
export function sealedFields(keys: RegisterKeys, residentId: string, idNumber: string | undefined, phone: string | undefined) {
  return {
    ...(idNumber
      ? { idSealed: keys.seal(idNumber, sealContext.id(residentId)), idKey: keys.keyedHash('id', idNumber), idTailKey: keys.keyedHash('id_tail', idTail(idNumber)) }
      : {}),
    ...(phone ? { phoneSealed: keys.seal(phone, sealContext.phone(residentId)), phoneTailKey: keys.keyedHash('phone_tail', phone.slice(-4)) } : {}),
  };
}

export function openedOf(keys: RegisterKeys, r: ResidentRecord): { idNumber?: string; phone?: string } {
  return {
    ...(r.idSealed ? { idNumber: keys.open(r.idSealed, sealContext.id(r._id)) } : {}),
    ...(r.phoneSealed ? { phone: keys.open(r.phoneSealed, sealContext.phone(r._id)) } : {}),
  };
}

/** What every view shows: 110***********002X and 138****1234. */
export function maskedOf(keys: RegisterKeys, r: ResidentRecord): { idMasked?: string; phoneMasked?: string } {
  const opened = openedOf(keys, r);
  return {
    ...(opened.idNumber ? { idMasked: maskIdNumber(opened.idNumber) } : {}),
    ...(opened.phone ? { phoneMasked: maskPhone(opened.phone) } : {}),
  };
}
