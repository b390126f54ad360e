/**
 * Sandbox ZAKs shaped like Zoom's, so nothing downstream (redaction, leak scans, a client that
 * decodes them) can tell them apart. Zoom's ZAKs are JWTs signed with HS256, with a `zm_skm`
 * header field and claims about the user, account and web cluster (`iss: "web"`,
 * `aud: "clientsm"`, `uid`, `aid`, `sty`, `wcd`, `iat`, `exp`, as in ZAKs seen in the wild).
 * The sandbox signs them with a key of its own made at start; only it checks them, by value.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface ZakClaims {
  userId: string;
  accountId: string;
  /** When it was minted, in ms since the epoch. */
  issuedAtMs: number;
  ttlSeconds: number;
}

const HEADER = { zm_skm: 'zm_o2m', alg: 'HS256', typ: 'JWT' };

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A fresh, unique, JWT-shaped ZAK for these claims. */
export function zoomShapedZak(claims: ZakClaims, key: Buffer): string {
  const iat = Math.floor(claims.issuedAtMs / 1000);
  const payload = {
    iss: 'web',
    clt: 0,
    // Zoom's session token; random here, which also keeps every ZAK unique.
    stk: randomBytes(24).toString('base64url'),
    aud: 'clientsm',
    uid: claims.userId,
    sty: 100,
    wcd: 'sandbox',
    exp: iat + claims.ttlSeconds,
    iat,
    aid: claims.accountId,
    cid: '',
  };
  const unsigned = `${encode(HEADER)}.${encode(payload)}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}
