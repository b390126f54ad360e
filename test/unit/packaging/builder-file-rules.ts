/**
 * electron-builder's own file rules, run without building: would a project file land in the
 * packaged app, and would it be unpacked beside app.asar? It calls the functions
 * electron-builder's packager calls (app-builder-lib's fileMatcher, the same minimatch, the
 * same order of negations and default exclusions), walking a path the way its copier does:
 * every parent folder must pass the filter before the file is looked at.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The part of fs.Stats electron-builder's filters read. */
interface FilterStat {
  isDirectory(): boolean;
  /** Set by electron-builder for files inside a dependency: the path inside the app. */
  moduleFullFilePath?: string;
}
type Filter = (file: string, stat: FilterStat) => boolean;
interface Matcher {
  readonly patterns: string[];
  createFilter(): Filter;
}
type PlatformOptions = Record<string, unknown>;
export type BuilderConfig = Record<string, unknown> & {
  directories?: { output?: string; buildResources?: string };
};

/** app-builder-lib's fileMatcher module; these functions are internal, so no typings ship. */
interface FileMatcherModule {
  FileMatcher: new (
    from: string,
    to: string,
    expand: (p: string) => string,
    patterns: string[],
  ) => Matcher;
  getMainFileMatchers(
    appDir: string,
    destination: string,
    expand: (p: string) => string,
    platformOptions: PlatformOptions,
    packager: { info: object },
    outDir: string,
    isElectronCompile: boolean,
  ): Matcher[];
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    expand: (p: string) => string,
    platformOptions: PlatformOptions,
    info: object,
  ): Matcher;
  getFileMatchers(
    config: BuilderConfig,
    name: 'asarUnpack',
    destination: string,
    options: {
      macroExpander: (p: string) => string;
      customBuildOptions: PlatformOptions;
      globalOutDir: string;
      defaultSrc: string;
    },
  ): Matcher[] | null;
}
interface ConfigModule {
  validateConfiguration(config: BuilderConfig, debugLogger: object): Promise<void>;
}

// Resolved from electron-builder itself, so it is the app-builder-lib that `npm run dist` runs.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const fileMatcher = builderRequire('app-builder-lib/out/fileMatcher.js') as FileMatcherModule;
const configModule = builderRequire('app-builder-lib/out/util/config/config.js') as ConfigModule;

const noDebug = { isEnabled: false, add: () => undefined };
const expand = (pattern: string): string => pattern;
const stat = (directory: boolean, moduleFullFilePath?: string): FilterStat => ({
  isDirectory: () => directory,
  ...(moduleFullFilePath ? { moduleFullFilePath } : {}),
});

/** Throws electron-builder's own message when an option is unknown or mistyped. */
export function validateConfig(config: BuilderConfig): Promise<void> {
  return configModule.validateConfiguration(structuredClone(config), noDebug);
}

export interface FileRules {
  /** Would this path (relative to the project, `/`-separated) be copied into the app? */
  packs(path: string): boolean;
  /** Would it be written to app.asar.unpacked instead of inside app.asar? */
  unpacks(path: string): boolean;
}

/** The rules electron-builder applies for one platform section (`linux`, `mac`, `win`). */
export function fileRules(projectDir: string, config: BuilderConfig, platform: string): FileRules {
  const platformOptions = (config[platform] ?? {}) as PlatformOptions;
  const outDir = join(projectDir, config.directories?.output ?? 'dist');
  const destination = join(outDir, 'unpacked', 'resources', 'app');
  const info = {
    config: structuredClone(config),
    projectDir,
    buildResourcesDir: config.directories?.buildResources ?? 'build',
    isPrepackedAppAsar: false,
    debugLogger: noDebug,
  };
  const [appMatcher] = fileMatcher.getMainFileMatchers(
    projectDir,
    destination,
    expand,
    platformOptions,
    { info },
    outDir,
    false,
  );
  if (!appMatcher) throw new Error('electron-builder returned no file matcher');
  const appFilter = appMatcher.createFilter();
  const moduleMatcher = fileMatcher.getNodeModuleFileMatcher(
    projectDir,
    destination,
    expand,
    platformOptions,
    info,
  );
  // Each dependency is copied with a matcher built from these patterns (appFileCopier.ts).
  const moduleFilter = moduleMatcher.patterns.length
    ? new fileMatcher.FileMatcher(
        projectDir,
        destination,
        expand,
        moduleMatcher.patterns,
      ).createFilter()
    : () => true;
  const unpackMatchers = fileMatcher.getFileMatchers(config, 'asarUnpack', destination, {
    macroExpander: expand,
    customBuildOptions: platformOptions,
    globalOutDir: outDir,
    defaultSrc: projectDir,
  });
  const unpackFilter = unpackMatchers?.[0]?.createFilter() ?? (() => false);

  /** Every folder below `from` segments, then the file, must pass (builder-util's walk). */
  function passes(filter: Filter, path: string, from: number, inModule: boolean): boolean {
    const parts = path.split('/');
    for (let index = from; index < parts.length; index += 1) {
      const relative = parts.slice(0, index + 1).join('/');
      const absolute = join(projectDir, ...parts.slice(0, index + 1));
      const folder = index < parts.length - 1;
      if (!filter(absolute, stat(folder, inModule ? relative : undefined))) return false;
    }
    return true;
  }

  return {
    packs(path) {
      if (!path.startsWith('node_modules/')) return passes(appFilter, path, 0, false);
      // Dependencies go through the module copier instead: it walks each package's folder
      // (node_modules/<name>, scopes included) with the module filter, not the app filter.
      const root = path.startsWith('node_modules/@') ? 3 : 2;
      return path.split('/').length > root && passes(moduleFilter, path, root, true);
    },
    unpacks(path) {
      const inModule = path.startsWith('node_modules/');
      return unpackFilter(
        join(projectDir, ...path.split('/')),
        stat(false, inModule ? path : undefined),
      );
    },
  };
}
