import type { FunctionName } from '../../../src/domain/api';
import { assessMatrix } from './assess';
import { caseMatrix } from './case';
import { orgMatrix } from './org';
import { patrolMatrix } from './patrol';
import { registerMatrix } from './register';
import { statsMatrix } from './stats';
import type { FunctionMatrix } from './types';
import { volunteerMatrix } from './volunteer';
import { worklogMatrix } from './worklog';
import { meetingMatrix } from './meeting';
import { boardMatrix, userMatrix } from './user-board';

/**
 * The matrix of every function of the contract table (src/domain/api.ts): one module per function,
 * each a `Record` over the function's actions, each row a `Record` over every caller kind (types.ts).
 * A function, action or caller kind without rows fails twice: the type check (these mapped types) and
 * the coverage test of access-matrix.test.ts (which compares against `api` at run time, as jest does
 * not type-check).
 */
export const MATRIX: { [F in FunctionName]: FunctionMatrix<F, any> } = {
  user: userMatrix,
  board: boardMatrix,
  org: orgMatrix,
  case: caseMatrix,
  volunteer: volunteerMatrix,
  patrol: patrolMatrix,
  worklog: worklogMatrix,
  stats: statsMatrix,
  assess: assessMatrix,
  register: registerMatrix,
  meeting: meetingMatrix,
};

