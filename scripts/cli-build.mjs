/**
 * How the command line is bundled (by scripts/cli.mjs). `npm run bench` bundles its pass runner
 * with the same options, so that it times the code as `npm run audit` runs it.
 */
export const BUILD_OPTIONS = {
  bundle: true, platform: 'node', format: 'esm', target: 'node20', minify: true, legalComments: 'none', logLevel: 'warning',
  // The document readers' libraries stay in node_modules: pdf.js loads its worker module beside itself,
  // and none of them is needed to start the command line on HTML pages.
  external: ['pdfjs-dist', 'word-extractor', 'mammoth', 'jszip', 'exceljs'],
  // Bundled CommonJS dependencies may call require(): give the ES module one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};
