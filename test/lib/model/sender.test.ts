import { describe, expect, it } from 'vitest';
import { mayRequestFrames } from '../../../lib/model/sender';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('mayRequestFrames', () => {
  it.each([
    ['the popup', { id: ID, url: `${ORIGIN}popup.html` }, 7, true],
    ['the side panel', { id: ID, url: `${ORIGIN}sidepanel.html` }, 7, true],
    ['an extension page open in a tab', { id: ID, url: `${ORIGIN}popup.html`, tab: { id: 3 } }, 7, true],
    ['a frame of the tab itself', { id: ID, url: 'https://www.example.gov.cn/a.html', tab: { id: 7 } }, 7, true],
    ['a frame asking about another tab', { id: ID, url: 'https://evil.example/', tab: { id: 3 } }, 7, false],
    ['a page URL posing under the extension origin in its path', { id: ID, url: `https://evil.example/${ORIGIN}`, tab: { id: 3 } }, 7, false],
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }, 7, false],
    ['a sender with neither URL nor tab', { id: ID }, 7, false],
    ['a Firefox popup', { id: ID, url: 'moz-extension://1234-uuid/popup.html' }, 7, false],
  ])('%s → %s', (_, sender, tabId, allowed) => {
    expect(mayRequestFrames(sender, tabId, ID, ORIGIN)).toBe(allowed);
  });

  it('accepts the Firefox popup under its own moz-extension origin', () => {
    expect(mayRequestFrames({ id: ID, url: 'moz-extension://1234-uuid/popup.html' }, 7, ID, 'moz-extension://1234-uuid/')).toBe(true);
  });
});
