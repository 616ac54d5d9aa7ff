import { randomInt } from 'node:crypto';

/** A fresh 6-digit sign-in code (activities and meetings): cryptographic randomness, so it cannot be predicted. */
export const newCheckInCode = (): string => randomInt(0, 1_000_000).toString().padStart(6, '0');
