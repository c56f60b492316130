/**
 * Which file holds each value only one entry may hold (a stage number, a
 * programme code, a monitoring cycle), from the review the build already
 * made: the CMS's save check reads it at /admin/taken.json.
 */
import type { TakenValues } from '../lib/unique-fields.ts';
import { reviewedContent } from '../privacy/gate.ts';
import { takenValuesOf } from '../validate/validate.ts';

export function takenValues(): TakenValues {
  return takenValuesOf(reviewedContent().entries);
}
