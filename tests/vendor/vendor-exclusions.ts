/**
 * Vendor database tests the local cloud does not emulate, by file and full test name (describe path +
 * test name, space-joined), each with the reason; listed for people in docs/local-cloud.md.
 */
export interface VendorExclusion {
  file: string;
  /** Full test name, or '*' for the whole file. */
  test: string;
  reason: string;
}

const GEO = 'geo queries ($geoNear, $nearSphere, $geoWithin) are not emulated: GridLink keeps addresses as text; the local cloud answers INVALID_PARAM naming the operator';
const JSON_SCHEMA = '$jsonSchema (MongoDB draft-4 dialect with bsonType) is not emulated; the local cloud answers INVALID_PARAM naming $jsonSchema';

export const VENDOR_EXCLUSIONS: VendorExclusion[] = [
  { file: 'geo-advanced.test.ts', test: '*', reason: GEO },
  { file: 'aggregation.test.ts', test: 'geoNear geoNear', reason: GEO },
  { file: 'advanced-operator.test.ts', test: 'jsonSchema where', reason: JSON_SCHEMA },
  { file: 'advanced-operator.test.ts', test: 'jsonSchema nor', reason: JSON_SCHEMA },
];

export function excludedReason(file: string, fullName: string): string | undefined {
  return VENDOR_EXCLUSIONS.find((e) => e.file === file && (e.test === '*' || e.test === fullName))?.reason;
}
