/**
 * Error codes shared by every transport. The message is always Bahasa Indonesia and
 * safe to show a clerk; details of bugs stay in the host's log.
 */
/** LOCKED: the session's idle lock screen is up; auth.unlock with the password opens it. */
/** UNAVAILABLE: a device the host depends on (e.g. the ticket printer) did not answer — not a bug, try again. */
export const errorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  /** LAN: this browser is not a paired device (or was revoked); the page shows the pairing form. */
  'DEVICE_UNPAIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'LOCKED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  DEVICE_UNPAIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  LOCKED: 423,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** One field-level problem, `path` in dotted form (`alamat.rt`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldIssue[];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** Thrown by domain rules and services for an expected refusal; transports turn it into a reply. */
export class LoketError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[] | undefined;
  constructor(code: ErrorCode, message: string, fields?: FieldIssue[]) {
    super(message);
    this.name = 'LoketError';
    this.code = code;
    this.fields = fields;
  }
  toBody(): ErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export const INTERNAL_MESSAGE = 'Terjadi kesalahan di server Loket. Kejadian ini sudah dicatat; silakan coba lagi.';
