import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A PDF to PNG pages (poppler's pdftoppm), for looking at. */
export function pdfToPng(pdf: string, prefix: string, dpi = 70): string[] {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, prefix]);
  const dir = resolve(prefix, '..');
  const base = prefix.slice(dir.length + 1);
  return readdirSync(dir).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png')).map((f) => join(dir, f)).sort();
}
