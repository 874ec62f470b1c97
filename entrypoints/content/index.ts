import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAuditor } from './controller';

/** Runs by itself on *.gov.cn; elsewhere the background injects it on the user's click or shortcut. */
export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startAuditor(ctx);
  },
});
