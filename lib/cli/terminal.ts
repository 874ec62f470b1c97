/**
 * Page text shown in a terminal: control characters made visible. Raw, an escape sequence from a
 * page could clear the screen, hide findings, retitle the window or set the clipboard (OSC 52) on
 * terminals that allow it; bidi controls could reorder what a line seems to say.
 */

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const hex = (char: string) => char.charCodeAt(0).toString(16).padStart(4, '0');

/** `\x1b` → `\u001b` shown as text; a tab stays a tab; newlines are kept only where `keepNewlines`. */
export function terminalSafe(text: string, keepNewlines = false): string {
  return text.replace(CONTROL, (char) => (char === '\t' || (keepNewlines && char === '\n') ? char : `\\u${hex(char)}`));
}

/**
 * JSON for a terminal: `JSON.stringify` escapes C0 controls but leaves C1 (U+009B is CSI on some
 * terminals) and bidi controls raw; escaping them too gives the same JSON value.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${hex(char)}`);
}
