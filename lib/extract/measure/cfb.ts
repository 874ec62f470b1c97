/**
 * An old Word file (.doc, a compound file: sectors chained through allocation tables) checked before
 * word-extractor reads it: every chain it will follow — the table of tables, the directory, the mini
 * table, the mini stream, each stream — walked with a set of the sectors visited, and the directory
 * tree walked the same way. word-extractor follows a chain until it ends and only notices a sector
 * pointing at itself: a 2 KB file whose chain ran A → B → A grew an array until Node died (1.95 GB).
 */

const END_OF_MARKERS = 0; // every id below 0 ends a chain (free, end of chain, FAT and DIFAT sectors)
const ENTRY = 128;

/**
 * Why the file's structure cannot be followed — a chain or the tree loops, or the sector size is not
 * one a compound file has — or null when every chain ends and the tree is a tree.
 */
export function compoundFileFault(bytes: Uint8Array): 'loop' | 'sector-size' | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 512) return null; // word-extractor refuses it as not a compound document
  const shift = view.getUint16(30, true);
  const miniShift = view.getUint16(32, true);
  if (shift < 7 || shift > 16 || miniShift > shift) return 'sector-size';
  const size = 1 << shift;
  const sectors = Math.floor(bytes.byteLength / size) - 1;
  const int = (sector: number, index: number) => {
    const at = (sector + 1) * size + index * 4;
    return at + 4 <= bytes.byteLength ? view.getInt32(at, true) : -1;
  };

  /** Sector ids of a chain, or the loop that never ends it. An id past the table ends it, as in word-extractor. */
  const chain = (start: number, next: (id: number) => number, count: number): number[] | 'loop' => {
    const seen = new Set<number>();
    const ids: number[] = [];
    for (let id = start; id >= END_OF_MARKERS && id < count; id = next(id)) {
      if (seen.has(id)) return 'loop';
      seen.add(id);
      ids.push(id);
    }
    return ids;
  };

  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain (its last int points on).
  const fatCount = view.getInt32(44, true);
  if (fatCount < 0) return null;
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i += 1) fatSectors.push(view.getInt32(76 + i * 4, true));
  const perSector = size / 4;
  const difat = chain(view.getInt32(68, true), (id) => int(id, perSector - 1), sectors);
  if (typeof difat === 'string') return difat;
  for (const sector of difat) for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i += 1) fatSectors.push(int(sector, i));
  const fat = (id: number) => int(fatSectors[Math.floor(id / perSector)] ?? -1, id % perSector);
  const fatLength = fatSectors.length * perSector;

  const directory = chain(view.getInt32(48, true), fat, Math.min(fatLength, sectors));
  if (typeof directory === 'string') return directory;
  const miniTable = chain(view.getInt32(60, true), fat, Math.min(fatLength, sectors));
  if (typeof miniTable === 'string') return miniTable;
  const mini = (id: number) => int(miniTable[Math.floor(id / perSector)] ?? -1, id % perSector);
  const miniLength = miniTable.length * perSector;
  const cutoff = view.getInt32(56, true);

  const entries = directory.length * (size / ENTRY);
  const entry = (index: number) => {
    const sector = directory[Math.floor((index * ENTRY) / size)]!;
    const at = (sector + 1) * size + ((index * ENTRY) % size);
    const read = (offset: number) => (at + offset + 4 <= bytes.byteLength ? view.getInt32(at + offset, true) : -1);
    return { type: at + 66 < bytes.byteLength ? bytes[at + 66]! : 0, left: read(68), right: read(72), child: read(76), start: read(116), size: read(120) };
  };

  // The tree from the root (entry 0): each entry reached once.
  const seen = new Set<number>();
  const stack = [0];
  while (stack.length) {
    const index = stack.pop()!;
    if (index < 0 || index >= entries) continue;
    if (seen.has(index)) return 'loop';
    seen.add(index);
    const { type, left, right, child, start, size: length } = entry(index);
    stack.push(left, right, child);
    if (type === 5) {
      const stream = chain(start, fat, Math.min(fatLength, sectors));
      if (typeof stream === 'string') return stream;
    } else if (type === 2) {
      const small = length < cutoff;
      const stream = small ? chain(start, mini, miniLength) : chain(start, fat, Math.min(fatLength, sectors));
      if (typeof stream === 'string') return stream;
    }
  }
  return null;
}
