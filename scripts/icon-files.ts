/**
 * Where Botdeck's icon files live and which sizes each holds: one list shared by the script
 * that renders them (scripts/render-icons.ts) and the test that checks the packaging config
 * points at all of them, at those sizes.
 */
export const ICON_FILES = {
  /** The one hand-edited source. */
  svg: 'build/icon.svg',
  /** 1024 px: electron-builder's default icon and the source of the others. */
  png: 'build/icon.png',
  /** macOS app and dmg icon. */
  icns: 'build/icon.icns',
  /** Windows executable, installer and uninstaller icon. */
  ico: 'build/icon.ico',
  /** Linux (AppImage, deb): one PNG per size, named NxN.png, installed into the hicolor theme. */
  linuxSetDir: 'build/icons',
  /** Served by the built renderer as /icon.png: the dashboard's favicon and the window icon. */
  runtimePng: 'src/renderer/public/icon.png',
} as const;

export const RUNTIME_ICON_SIZE = 512;
export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
/** Windows picks the nearest size for taskbar, title bar, Explorer views and the installer. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** The modern ICNS entries (as iconutil writes them): each type holds a PNG of one size. */
export const ICNS_ENTRIES = [
  { type: 'ic04', size: 16 },
  { type: 'ic05', size: 32 },
  { type: 'ic07', size: 128 },
  { type: 'ic08', size: 256 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
  { type: 'ic11', size: 32 },
  { type: 'ic12', size: 64 },
  { type: 'ic13', size: 256 },
  { type: 'ic14', size: 512 },
] as const;
