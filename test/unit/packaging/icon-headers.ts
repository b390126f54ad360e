/**
 * Reads just enough of the icon files to check them: a PNG's size from its IHDR chunk, the
 * image sizes listed in an ICO's directory, and the entries of an ICNS (with the size of each
 * PNG-encoded one). Reading headers is all the test needs; nothing here writes an icon.
 */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface Size {
  width: number;
  height: number;
}

/** The size in a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(data: Buffer): Size | null {
  if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (data.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** The square sizes an ICO lists (a 0 byte means 256), or null when it is not an ICO. */
export function icoSizes(data: Buffer): number[] | null {
  if (data.length < 6 || data.readUInt16LE(0) !== 0 || data.readUInt16LE(2) !== 1) return null;
  const count = data.readUInt16LE(4);
  const sizes: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const entry = 6 + index * 16;
    if (entry + 16 > data.length) return null;
    const width = data.readUInt8(entry) || 256;
    const height = data.readUInt8(entry + 1) || 256;
    if (width !== height) return null;
    sizes.push(width);
  }
  return sizes;
}

export interface IcnsEntry {
  type: string;
  /** Set for PNG-encoded entries; the small legacy types hold raw ARGB instead. */
  png: Size | null;
}

/** The entries of an ICNS file in order, or null when its chunk lengths do not add up. */
export function icnsEntries(data: Buffer): IcnsEntry[] | null {
  if (data.length < 8 || data.toString('ascii', 0, 4) !== 'icns') return null;
  if (data.readUInt32BE(4) !== data.length) return null;
  const entries: IcnsEntry[] = [];
  let offset = 8;
  while (offset < data.length) {
    if (offset + 8 > data.length) return null;
    const length = data.readUInt32BE(offset + 4);
    if (length < 8 || offset + length > data.length) return null;
    const type = data.toString('ascii', offset, offset + 4);
    entries.push({ type, png: pngSize(data.subarray(offset + 8, offset + length)) });
    offset += length;
  }
  return entries;
}
