/**
 * Page text shown in a terminal: control characters made visible, credentials dropped from URLs
 * (lib/present/visible.ts). Everything the command line prints goes through one of these two.
 */
import { hex, showControls, withoutCredentials } from '../present/visible';

/** `\x1b` → `\u001b` shown as text; a tab stays a tab; newlines are kept only where `keepNewlines`. */
export function terminalSafe(text: string, keepNewlines = false): string {
  return showControls(withoutCredentials(text), keepNewlines);
}

/**
 * JSON for a terminal: `JSON.stringify` escapes C0 controls but leaves C1 (U+009B is CSI on some
 * terminals) and bidi controls raw; escaping them too gives the same JSON value.
 */
export function terminalJson(value: unknown): string {
  return withoutCredentials(JSON.stringify(value, null, 2)).replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${hex(char)}`);
}
