/**
 * Text from a page or a server shown to a person — in a terminal, in a summary file opened with
 * `cat`, Excel or WPS — with nothing in it that the screen would obey or that should not be shown.
 * Control characters (C0, DEL, C1) and bidi controls become visible `\uXXXX`: raw, an escape
 * sequence could clear the screen, hide findings, retitle the window or set the clipboard (OSC 52),
 * U+009B is CSI on some terminals, and bidi controls reorder what a line seems to say. Credentials
 * in a URL (`http://user:pw@host/`) are dropped: a summary is passed around.
 */

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const hex = (char: string) => char.charCodeAt(0).toString(16).padStart(4, '0');

/** `\x1b` → `\u001b` shown as text; a tab stays a tab; newlines are kept only where `keepNewlines`. */
export function showControls(text: string, keepNewlines = false): string {
  return text.replace(CONTROL, (char) => (char === '\t' || (keepNewlines && char === '\n') ? char : `\\u${hex(char)}`));
}

/** Every URL's user and password dropped: `http://user:pw@host/x` → `http://host/x`. */
export function withoutCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z\d+.-]*:\/\/)[^\s/?#@]*@/gi, '$1');
}
