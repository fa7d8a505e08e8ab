/** Maps errors to RFC 9457 problem details. The only place that knows HTTP status codes. */
import type { DomainErrorCode, FieldIssue } from "../core/errors.ts";

export const STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  agreement_required: 403,
  not_found: 404,
  conflict: 409,
  signature_invalid: 422,
  unsupported: 415,
  unavailable: 503,
  internal: 500,
};

const TITLES: Record<DomainErrorCode, string> = {
  validation: "Invalid request",
  unauthorized: "Authentication required",
  forbidden: "Not allowed",
  rate_limited: "Too many requests",
  agreement_required: "No data-sharing agreement covers this",
  not_found: "Not found",
  conflict: "Conflict",
  signature_invalid: "Signature invalid",
  unsupported: "Unsupported",
  unavailable: "Service unavailable",
  internal: "Internal error",
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: DomainErrorCode;
  instance?: string;
  issues?: FieldIssue[];
}

export function problemFor(
  code: DomainErrorCode,
  detail: string,
  instance?: string,
  issues?: FieldIssue[],
): Problem {
  return {
    type: `https://sisterports.dev/problems/${code.replaceAll("_", "-")}`,
    title: TITLES[code],
    status: STATUS_BY_CODE[code],
    detail,
    code,
    ...(instance ? { instance } : {}),
    ...(issues && issues.length > 0 ? { issues } : {}),
  };
}
