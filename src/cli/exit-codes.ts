/** Exit codes by error kind: the only place that maps DomainError codes to process exit codes. */
import type { DomainErrorCode } from "../core/errors.ts";

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

export const EXIT_CODE_BY_ERROR: Record<DomainErrorCode, number> = {
  internal: 1,
  validation: 3,
  not_found: 4,
  conflict: 5,
  unauthorized: 6,
  forbidden: 6,
  rate_limited: 6,
  agreement_required: 6,
  signature_invalid: 7,
  unsupported: 8,
  unavailable: 9,
};
