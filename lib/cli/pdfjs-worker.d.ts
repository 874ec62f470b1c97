/** pdf.js's in-thread worker module (lib/cli/reader-env.ts loads it before pdf.js would): nothing of it is read here. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
