/**
 * The Meeting SDK signature checks Zoom applies at join (docs/zoom.md, "Meeting SDK signature"),
 * returning the Web SDK's error codes. Kept apart from the meeting model so the order of checks
 * reads in one place.
 */
import { decodeJwtPayload, verifyHs256Jwt } from '../zoom/sdk-signature';

/** A refused join, in the Web SDK's terms. */
export interface JoinError {
  /** HTTP status the sandbox answers with. */
  status: number;
  /** The Web SDK's join error code. */
  errorCode: number;
  message: string;
}

/** Meeting SDK credentials the sandbox accepts signatures from. */
export interface SdkCredentials {
  sdkKey: string;
  sdkSecret: string;
}

const MIN_LIFETIME_S = 1800;
const MAX_LIFETIME_S = 172_800;
// Signers backdate `iat` by a little for skew; a larger lead than this is a broken clock.
const MAX_IAT_LEAD_S = 60;

const refuse = (status: number, errorCode: number, message: string): JoinError => ({
  status,
  errorCode,
  message,
});

const invalid = (why: string): JoinError => refuse(401, 3712, `Invalid signature: ${why}.`);

/**
 * Checks a join signature for `meetingNumber` at `nowSeconds`, in Zoom's order:
 * 3712 malformed / unknown key / bad HMAC, 3705 expired, 3706 other meeting, 3708 bad role.
 */
export function checkSignature(
  signature: string,
  meetingNumber: string,
  credentials: readonly SdkCredentials[],
  nowSeconds: number,
): JoinError | null {
  const claims = decodeJwtPayload(signature);
  if (!claims) return invalid('not a JWT');
  const key = typeof claims.appKey === 'string' ? claims.appKey : claims.sdkKey;
  if (typeof key !== 'string' || key === '') return invalid('no appKey claim');
  const owner = credentials.find((c) => c.sdkKey === key);
  if (!owner) return invalid('unknown SDK key');
  const verified = verifyHs256Jwt(signature, owner.sdkSecret);
  if (!verified.ok) {
    return invalid(verified.reason === 'malformed' ? 'malformed JWT' : 'HMAC does not match');
  }
  const { iat, exp, mn, role } = verified.payload;
  if (typeof iat !== 'number' || typeof exp !== 'number') return invalid('iat/exp missing');
  if (exp - iat < MIN_LIFETIME_S || exp - iat > MAX_LIFETIME_S) {
    return invalid(`exp - iat must be ${MIN_LIFETIME_S}..${MAX_LIFETIME_S} seconds`);
  }
  if (iat > nowSeconds + MAX_IAT_LEAD_S) return invalid('iat is in the future');
  if (exp < nowSeconds) return refuse(401, 3705, 'The signature has expired.');
  if (String(mn) !== meetingNumber) {
    return refuse(401, 3706, 'The signature is for a different meeting number.');
  }
  if (role !== 0 && role !== 1) return refuse(401, 3708, 'Invalid role in the signature.');
  return null;
}
