/**
 * Import rules `npm run lint` checks with dependency-cruiser: no cycles in `src`. A cycle means
 * two modules that cannot be read, tested or moved apart, and type-only cycles count too (they
 * are how a shared type ends up in the wrong place). The one exception is the dashboard store's
 * zustand slices, which name the whole store's type (`AppState`) that is made of them: a
 * type-only tie, erased from the build.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Move the shared part down into a module both can import.',
      from: {},
      to: {
        circular: true,
        viaOnly: {
          pathNot: '^src/renderer/dashboard/store/',
        },
      },
    },
    {
      name: 'store-slices-name-the-store-type-only',
      severity: 'error',
      comment: 'A slice may name the store type (AppState), never import its values.',
      from: { path: '^src/renderer/dashboard/store/[^/]+-slice[.]ts$' },
      to: {
        path: '^src/renderer/dashboard/store/app-store[.]ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.web.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
