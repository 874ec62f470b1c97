/**
 * The host resists page CSS twice over: inline !important (beats the page's author !important on the
 * element), and the same again from inside its shadow root, where `all: initial` also keeps the page's
 * inherited text styles (font, letter-spacing, line-height) out of the marks; an important rule of a
 * shadow tree wins over the page's important ones on its host. `all` stays out of the inline style:
 * Firefox spells it out there as !important letter-, word-spacing and line-height, which a reader's
 * own style sheet could then not adjust (axe's avoid-inline-spacing, found by a11y.firefox.ts).
 */
export const HOST_STYLE = [
  'display: block', 'position: fixed', 'top: 0', 'left: 0', 'width: 0', 'height: 0', 'overflow: visible',
  'z-index: 2147483647', 'pointer-events: none', 'visibility: visible', 'opacity: 1', 'transform: none', 'filter: none',
  'contain: none', 'margin: 0', 'padding: 0', 'border: 0',
].map((rule) => `${rule} !important`).join('; ');

export const SHADOW_CSS = `
:host { all: initial !important; ${HOST_STYLE}; }
.mark { position: fixed; box-sizing: border-box; border: 2px solid; pointer-events: none; border-radius: 2px; }
.mark.error { border-color: #d93025; background: rgba(217, 48, 37, 0.10); }
.mark.warning { border-color: #e37400; background: rgba(242, 153, 0, 0.10); }
.mark.related { border: 2px dashed #1a73e8; background: rgba(26, 115, 232, 0.08); }
.mark.suspect { outline: 3px solid #9334e6; outline-offset: 1px; }
.mark.suspect::after { content: "?"; position: absolute; top: -9px; left: -9px; width: 16px; height: 16px; border-radius: 8px;
  background: #9334e6; color: #fff; font: 700 11px/16px system-ui, sans-serif; text-align: center; }
.mark.selected { box-shadow: 0 0 0 3px rgba(26, 115, 232, 0.6); z-index: 2; }
.mark.flash { animation: flash 0.5s ease-in-out 4; }
@keyframes flash { 50% { background: rgba(26, 115, 232, 0.45); } }
.tag { position: absolute; top: -9px; right: -9px; min-width: 18px; height: 18px; padding: 0 4px; box-sizing: border-box; white-space: nowrap;
  border: 1px solid #fff; border-radius: 9px; font: 600 11px/16px system-ui, sans-serif; color: #fff; text-align: center;
  pointer-events: auto; cursor: help; }
.tag.expect { top: 2px; right: 2px; }
/* Past the right edge of the window or of a scrolling box the label would be cut off: inside the corner instead. */
.inset .tag { right: 2px; }
/* Over a number's own box (the viewer) the corner is the last digit: the label stands above the box. */
.tight .tag { top: auto; bottom: calc(100% + 2px); right: 0; }
.error .tag { background: #d93025; }
.warning .tag { background: #e37400; }
.tip { display: none; position: absolute; top: calc(100% + 4px); left: 0; z-index: 1; width: max-content; max-width: 360px;
  padding: 6px 8px; border-radius: 4px; background: #202124; color: #fff; text-align: left; white-space: normal;
  font: 12px/1.5 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; pointer-events: none; }
.flip .tip { left: auto; right: 0; }
.tip p { margin: 0 0 4px; }
.tip p:last-child { margin: 0; }
.above .tip { top: auto; bottom: calc(100% + 12px); }
.tag:hover + .tip, .tag:focus + .tip, .mark.selected .tip { display: block; }
.mark:hover, .mark:focus-within { z-index: 1; }
/* A 误报 fades its outline and label, never the mark as a whole: its tooltip stays opaque over the marks below. */
.mark.rv-false-positive { border-style: dashed; background: none; }
.mark.error.rv-false-positive { border-color: rgba(217, 48, 37, 0.45); }
.mark.warning.rv-false-positive { border-color: rgba(227, 116, 0, 0.45); }
.mark.rv-false-positive .tag { opacity: 0.55; }
.mark.rv-confirmed .tag { box-shadow: 0 0 0 2px #188038; }
@media print { .mark { display: none !important; } }
`;
