/**
 * Free text from outside Botdeck's own code (a bot page's console, an SDK's error message) can
 * carry a ZAK, an SDK signature or an access token, and the logger's redaction only sees field
 * names, never inside a string. Such text goes through `redactText` before it is logged: both
 * hosts (the web host's Chromium pages and the Electron shell's bot windows) use this one.
 */

const REDACTED = '[redacted]';

/**
 * A JWT (SDK signatures, Zoom's ZAKs and access tokens): a base64url JSON header, which always
 * starts `eyJ` (`{"`), then one or two more dot-separated segments.
 */
const JWT = /eyJ[\w-]*(?:\.[\w-]*){1,2}/g;

/** A value after a secret-looking name: `zak=…`, `"signature":"…"`, `token: Bearer …`. */
const NAMED_VALUE =
  /\b(zak|ztk|tk|signature|token|access_token|secret|password|passcode|pwd|authorization)(["']?\s*[:=]\s*["']?)((?:bearer|basic)\s+)?(?!\[redacted\])[^\s"'&,;)}\]]+/gi;

/**
 * Anything long and opaque: 32 or more base64url or hex characters in a row (Zoom's client and
 * SDK secrets are 32, random tokens longer). Words and paths break well before that.
 */
const OPAQUE = /[\w-]{32,}/g;

/** `text` with every JWT-, token- and secret-shaped part replaced by "[redacted]". */
export function redactText(text: string): string {
  return text
    .replace(JWT, REDACTED)
    .replace(
      NAMED_VALUE,
      (_match, name: string, separator: string, scheme: string | undefined) =>
        `${name}${separator}${scheme ?? ''}${REDACTED}`,
    )
    .replace(OPAQUE, REDACTED);
}
