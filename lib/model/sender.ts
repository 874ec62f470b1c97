/** Who sent a runtime message, as `runtime.onMessage` tells it (the fields we judge by). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * A frames request names a tab to script; it is honoured only from the extension's own pages
 * (popup, side panel: their URL is under the extension's origin) or from a frame of that very tab.
 * Anything else — another extension, a frame asking about some other tab — is refused.
 */
export function mayRequestFrames(sender: MessageSender, tabId: number, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  if (sender.url !== undefined && extensionOrigin !== '' && sender.url.startsWith(extensionOrigin)) return true;
  return sender.tab?.id !== undefined && sender.tab.id === tabId;
}
