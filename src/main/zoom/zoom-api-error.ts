/**
 * The one error type the Zoom REST client throws. `message` is always operator-readable and
 * never carries a secret (no client secret, access token or ZAK: only Zoom's own code and words,
 * and ids the operator typed).
 */

/** A stable discriminator for callers that react to a kind of failure, not to words. */
export type ZoomErrorReason =
  | 'invalid_client'
  | 'invalid_account'
  | 'oauth_failed'
  | 'invalid_token'
  | 'user_not_found'
  | 'missing_scope'
  | 'rate_limited'
  | 'server_error'
  | 'network'
  | 'bad_response'
  | 'api_error';

export interface ZoomApiErrorInit {
  reason: ZoomErrorReason;
  /** HTTP status; null when no response arrived (network failure, timeout). */
  status: number | null;
  /** Zoom's numeric error code from the body, when it sent one. */
  code: number | null;
  /** Zoom's own words (`message`, or `reason` for OAuth), when it sent any. */
  zoomMessage: string | null;
  /** What the operator reads. */
  operatorMessage: string;
}

export class ZoomApiError extends Error {
  override readonly name = 'ZoomApiError';
  readonly reason: ZoomErrorReason;
  readonly status: number | null;
  readonly code: number | null;
  readonly zoomMessage: string | null;
  readonly operatorMessage: string;

  constructor(init: ZoomApiErrorInit) {
    super(init.operatorMessage);
    this.reason = init.reason;
    this.status = init.status;
    this.code = init.code;
    this.zoomMessage = init.zoomMessage;
    this.operatorMessage = init.operatorMessage;
  }

  /** Loggable fields (no secrets by construction). */
  toLogFields(): Record<string, unknown> {
    return {
      reason: this.reason,
      status: this.status,
      code: this.code,
      zoomMessage: this.zoomMessage,
    };
  }
}

export const isZoomApiError = (error: unknown): error is ZoomApiError =>
  error instanceof ZoomApiError;

/** Appends Zoom's own words (and code) so nothing Zoom said is lost. */
export function withZoomWords(
  sentence: string,
  code: number | null,
  zoomMessage: string | null,
): string {
  const parts = [code === null ? null : `code ${code}`, zoomMessage].filter(
    (part): part is string => part !== null && part !== '',
  );
  return parts.length === 0 ? sentence : `${sentence} (Zoom said: ${parts.join(', ')})`;
}
