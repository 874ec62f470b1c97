/**
 * Every tolerance of the document table reader, named in one place (as pdfplumber's TableSettings
 * holds snap, join and intersection tolerances for its table finder). Lengths are in units of the
 * text's font size unless said otherwise: the same numbers then serve a PDF (points, 9–16 pt text)
 * and a space-aligned text dump (one unit a character column and a line). Two presets: PDF_SETTINGS
 * and TEXT_SETTINGS; they differ in the borderless reader's gaps, and text dumps carry no boxes.
 */
export interface LayoutSettings {
  /** Whether tokens carry PDF boxes (a viewer marks them). */
  boxes: boolean;
  /** Text runs into lines, and the lines' place on the page. */
  text: {
    /** A chunk joins a line whose band it overlaps by this share of the lower of their heights. */
    lineOverlap: number;
    /** A chunk joins one of the last this many lines at most (chunks come sorted by top). */
    lineLookBack: number;
    /** A page number (- 3 -, 第3页) is a footer below this share of the page's height … */
    footerBelow: number;
    /** … or a header above this share. */
    footerAbove: number;
    /** Glyph widths, per font size, to place the runs of a text item that holds several cells' text. */
    cjkWidth: number;
    otherWidth: number;
  };
  /** A document's title among its first lines (title.ts). */
  title: {
    /** Lines looked at: the first pages' top, where a title is printed (a crawled page's chrome may come first). */
    nearTop: number;
    /** A heading is set at least this much larger than the body text … */
    larger: number;
    /** … or centred: its middle within this many characters of the text column's. */
    centred: number;
  };
  /** pdf.js text items into chunks (PDF only). */
  items: {
    /** Items on one baseline: their bottoms differ by less than this. */
    baseline: number;
    /** Items closer than this join one chunk; a quarter character is a gap between cells. */
    joinGap: number;
    /** Items overlapping by less than this still join (kerning). */
    joinOverlap: number;
    /** A run of an item parts from the next as a cell when the spaces between them are this wide. */
    runGap: number;
    /** Text this far (points) past the page's right edge is cut off by the page. */
    pastEdge: number;
  };
  /** The borderless (stream) reader: tables found and read by their text's positions alone. */
  stream: {
    /** Lines of one table cell sit at most this far apart (top of one to bottom of the last). */
    wrapGap: number;
    /** A numbered cell's lines may sit this far apart: Word splits a label into paragraphs (7.属于行 / 政执法案卷). */
    paragraphGap: number;
    /** Tabular lines of one table sit at most this far apart. */
    rowGap: number;
    /** Header lines sit at most this far above a table's first tabular line. */
    headerGap: number;
    /** Runs of a line this far apart are separate cells: prose never has such gaps. */
    cellGap: number;
    /** Label columns start this far apart at least. */
    labelTolerance: number;
    /** A line in a font this much larger than the table's is prose (a heading). */
    proseSize: number;
    /** A single line of more characters than this is prose. */
    proseLength: number;
    /** Across a page break only lines at most this much larger than the table's may sit between its parts. */
    breakSize: number;
    /** The gap left between two pages' parts of a table when they are stacked. */
    stackGap: number;
    /** Value columns this many times their usual step apart have a blank column between them. */
    blankColumnStep: number;
    /** A label belongs to the rightmost label column starting at most this far right of it. */
    labelIndent: number;
    /** A value may start this far left of its column's left edge. */
    valueOverhang: number;
    /** A wrapped label's next line continues the cell above when its centre lies this near the cell. */
    labelReach: number;
  };
  /** Header cells split over lines merged into one. */
  headers: {
    /** The next line of a header cell lies within its cell's width, this much wider on either side. */
    reach: number;
    /** … at most this far below the cell above … */
    lineGap: number;
    /** … and may overlap it by this much. */
    overlap: number;
    /** A piece further than a line's pitch and this much below the cell above is a sub-header. */
    pitchSlack: number;
    /** Pieces stacked at least this far apart (top to top) are a line apart … */
    pitchLeast: number;
    /** … and at most this far. */
    pitchMost: number;
    /** How many pieces above to look at for the pitch: keeps it linear. */
    pitchLookBack: number;
  };
  /** The drawn-table (lattice) reader, in points. */
  lattice: {
    /** Rules this close are one line: double borders, a border's two edges, cells' own borders side by side. */
    sameLine: number;
    /** Rules this close meet: with separate borders (HTML's border-spacing, 2 px) each cell draws its own box. */
    touch: number;
    /** Column lines this close on two pages are the same table's. */
    sameEdge: number;
    /** Text this far outside a table's outline is still the table's (inked a little past a border). */
    outline: number;
    /** A chunk crosses a column rule when the rule lies this far inside it. */
    crossing: number;
    /** Grids with more slots than this are not report tables (a page of vector art). */
    maxSlots: number;
    /** Bands with more rules than this are not split into crossing sets: bounded work. */
    maxBandRules: number;
    /** Pages with more drawn tables than this are vector art, read by text positions alone. */
    maxTablesPerPage: number;
  };
  /** Rules from a page's drawing (PDF only), in points. */
  rules: {
    /** A filled rectangle at most this thick is a drawn rule: Chromium draws cell borders so. */
    thin: number;
    /** A rule shorter than this is a dot or a joint, not a border. */
    shortest: number;
    /** A stroke whose ends differ by less than this across is straight. */
    straight: number;
    /** Coordinates a page can have: a broken transform can put a path at 1e308. */
    farthest: number;
    /** Rules read per page at most: a page of vector art is not a table, and must not cost more. */
    maxPerPage: number;
  };
}

export const PDF_SETTINGS: LayoutSettings = {
  boxes: true,
  text: { lineOverlap: 0.5, lineLookBack: 3, footerBelow: 0.85, footerAbove: 0.1, cjkWidth: 1, otherWidth: 0.55 },
  title: { nearTop: 60, larger: 1.1, centred: 1 },
  items: { baseline: 0.35, joinGap: 0.25, joinOverlap: 0.5, runGap: 1, pastEdge: 2 },
  // cellGap 0.6: a borderless table's cells are parted only by their padding (6px either side in a
  // browser print, about 0.75 of a 12pt character) where a label fills its column; prose items never part so far.
  stream: {
    wrapGap: 1.25, paragraphGap: 2.5, rowGap: 10, headerGap: 4, cellGap: 0.6, labelTolerance: 1.2,
    proseSize: 1.3, proseLength: 40, breakSize: 1.2, stackGap: 0.5, blankColumnStep: 1.6, labelIndent: 0.6, valueOverhang: 1, labelReach: 1,
  },
  headers: { reach: 0.5, lineGap: 3, overlap: 0.2, pitchSlack: 0.1, pitchLeast: 0.9, pitchMost: 4, pitchLookBack: 64 },
  lattice: { sameLine: 2, touch: 4, sameEdge: 3, outline: 1, crossing: 1, maxSlots: 50_000, maxBandRules: 2000, maxTablesPerPage: 200 },
  rules: { thin: 3, shortest: 2, straight: 0.5, farthest: 1e6, maxPerPage: 20_000 },
};

/** A space-aligned text dump (`pdftotext -layout`): character columns, one line a unit; its gaps are whole characters. */
export const TEXT_SETTINGS: LayoutSettings = {
  ...PDF_SETTINGS,
  boxes: false,
  stream: { ...PDF_SETTINGS.stream, wrapGap: 1, paragraphGap: 1, rowGap: 8, headerGap: 3, cellGap: 2, labelTolerance: 2.5 },
};
