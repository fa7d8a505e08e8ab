/**
 * The one error type that crosses capability boundaries. Only `server/` maps codes to HTTP
 * statuses and only `cli/` maps them to exit codes; everything else just throws a code.
 */
export type DomainErrorCode =
  | "validation"
  | "not_found"
  | "conflict"
  | "unauthorized"
  | "forbidden"
  | "rate_limited"
  | "agreement_required"
  | "signature_invalid"
  | "unsupported"
  | "unavailable"
  | "internal";

export interface FieldIssue {
  /** Where the problem is: a file, a line number, a field path (as much as is known). */
  file?: string;
  line?: number;
  field?: string;
  reason: string;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly issues: FieldIssue[];

  constructor(code: DomainErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.issues = issues;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
