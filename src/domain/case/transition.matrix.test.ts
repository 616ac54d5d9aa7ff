/**
 * Every state × action × actor, asserted against the workflow as PRODUCT.md §5 describes it — written out
 * here independently of ACTION_RULES, so a change to the rules that the spec does not call for fails.
 */
import { DomainError } from '../errors';
import { CASE_ACTIONS, type CaseAction } from './case-command';
import { CASE_STATES, type CaseState } from './case-state';
import { ACTORS, caseIn, T0, VALID_COMMANDS, type ActorName } from './test-builders';
import { transition } from './transition';

const HANDLER: Record<CaseState, ActorName[]> = {
  reported: ['owner', 'other_officer', 'grid_chief'], // any officer of the grid may be first to sign
  accepted: ['owner'], // 首问负责 (001 L163)
  in_progress: ['owner'],
  escalated_to_community: ['community_staff'],
  dispatched: ['street_staff'],
  escalated_to_street: ['street_staff'],
  transferred: [],
  resolved: [],
  verified: [],
  rated: [],
  closed: [],
  returned: [],
};
const SUPERVISORS: ActorName[] = ['grid_chief', 'community_staff', 'street_staff'];
const OPEN: CaseState[] = ['reported', 'accepted', 'in_progress', 'escalated_to_community', 'dispatched', 'escalated_to_street'];
const HANDLING: CaseState[] = ['accepted', 'in_progress', 'escalated_to_community', 'dispatched', 'escalated_to_street'];

const EXPECTED: Record<CaseAction, { states: CaseState[]; actors: (s: CaseState) => ActorName[] }> = {
  accept: { states: ['reported'], actors: (s) => HANDLER[s] },
  start: { states: ['accepted'], actors: (s) => HANDLER[s] },
  escalate_to_community: { states: ['accepted', 'in_progress'], actors: (s) => HANDLER[s] },
  dispatch: { states: ['accepted', 'in_progress', 'escalated_to_community'], actors: () => ['community_staff', 'street_staff'] },
  escalate_to_street: { states: ['accepted', 'in_progress', 'escalated_to_community', 'dispatched'], actors: (s) => HANDLER[s] },
  transfer: { states: HANDLING, actors: (s) => HANDLER[s] },
  resolve: { states: HANDLING, actors: (s) => HANDLER[s] },
  verify: { states: ['resolved'], actors: () => SUPERVISORS }, // the owner resolved it, and is not a supervisor anyway
  rate: { states: ['verified'], actors: () => ['reporter'] },
  archive: { states: ['verified', 'rated'], actors: () => SUPERVISORS },
  return: { states: OPEN, actors: (s) => HANDLER[s] },
  supervise: { states: [...OPEN, 'resolved', 'verified', 'rated'], actors: () => SUPERVISORS },
  reclassify: { states: OPEN, actors: (s) => [...new Set([...HANDLER[s], ...SUPERVISORS])] },
};

type Outcome = 'ok' | 'CONFLICT' | 'FORBIDDEN';
const expectedOutcome = (state: CaseState, action: CaseAction, who: ActorName): Outcome => {
  const rule = EXPECTED[action];
  if (!rule.states.includes(state)) return 'CONFLICT';
  return rule.actors(state).includes(who) ? 'ok' : 'FORBIDDEN';
};

function actualOutcome(state: CaseState, action: CaseAction, who: ActorName): Outcome | string {
  try {
    transition(caseIn(state), VALID_COMMANDS[action], ACTORS[who], T0);
    return 'ok';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];
const MATRIX = CASE_STATES.flatMap((state) =>
  CASE_ACTIONS.flatMap((action) => ACTOR_NAMES.map((who) => [state, action, who, expectedOutcome(state, action, who)] as const)),
);

describe('transition matrix', () => {
  it('covers every state, action and actor', () => {
    expect(MATRIX).toHaveLength(CASE_STATES.length * CASE_ACTIONS.length * ACTOR_NAMES.length);
  });

  it.each(MATRIX)('in %s, %s by %s → %s', (state, action, who, expected) => {
    expect(actualOutcome(state, action, who)).toBe(expected);
  });
});
