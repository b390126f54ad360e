/**
 * keytar is an optional dependency (npm leaves it out when its native build fails), so the type
 * check must not depend on it being installed. An ambient declaration wins over the package's
 * own typings, so `import('keytar')` types the same with or without it; `loadKeytar` checks the
 * module's shape at run time anyway.
 */
declare module 'keytar' {
  const keytar: unknown;
  export default keytar;
}
