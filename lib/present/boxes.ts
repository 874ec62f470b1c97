import type { Extracted } from '../extract/types';
import type { Box } from '../model/report';

export interface CellSources {
  /** The same extraction, with a source of its own for every token. */
  extracted: Extracted;
  /** Box of each source that has one (`boxes[src]`), for a viewer to place the marks. */
  boxes: (Box | undefined)[];
}

/**
 * A PDF reader names a token's source by its text line, so every cell of a table row shares one
 * `src`, and a mark keyed by source would land on the row's first cell. A viewer marks cells, so
 * each token gets its own source, as each HTML cell has its own element; prose blocks keep theirs,
 * moved past the tokens'. Reading and matching do not depend on the numbering.
 */
export function sourcePerToken(extracted: Extracted): CellSources {
  const count = extracted.tokens.length;
  const boxes: (Box | undefined)[] = [];
  const tokens = extracted.tokens.map((token, i) => {
    boxes[i] = token.box;
    return { ...token, src: i };
  });
  const blocks = extracted.blocks.map((block) => ({ ...block, src: block.src === null ? null : count + block.src }));
  return { extracted: { ...extracted, tokens, blocks }, boxes };
}
