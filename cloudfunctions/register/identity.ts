import { birthDateOfId, ID_NUMBER_PROBLEM_TEXT, idNumberProblem, normalizeIdNumber, sexOfId, type Sex } from '../../src/domain/register';
import { invalid } from './context';

/**
 * The identity fields of a person: from the ID number when there is one (sex and birth date are read
 * from it, and must agree if also given), else sex and birth date as entered (a newborn without a number).
 */
export function identityOf(input: { idNumber?: string; sex?: Sex; birthDate?: string }, today: string): { idNumber?: string; sex: Sex; birthDate: string } {
  const raw = input.idNumber ? normalizeIdNumber(input.idNumber) : '';
  if (raw) {
    const problem = idNumberProblem(raw, today);
    if (problem) throw invalid('idNumber', ID_NUMBER_PROBLEM_TEXT[problem]);
    const sex = sexOfId(raw);
    const birthDate = birthDateOfId(raw);
    if (input.sex && input.sex !== sex) throw invalid('sex', '性别与身份证号不一致');
    if (input.birthDate && input.birthDate !== birthDate) throw invalid('birthDate', '出生日期与身份证号不一致');
    return { idNumber: raw, sex, birthDate };
  }
  if (!input.sex) throw invalid('sex', '没有身份证号时请选择性别');
  if (!input.birthDate) throw invalid('birthDate', '没有身份证号时请填写出生日期');
  if (input.birthDate > today) throw invalid('birthDate', '出生日期不能晚于今天');
  return { sex: input.sex, birthDate: input.birthDate };
}
