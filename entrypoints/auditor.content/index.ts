import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAuditor } from './controller';

/**
 * The auditor: reads the report, draws the marks, answers the popup and side panel. Not declared in
 * the manifest: the background injects it into a frame where the detector (entrypoints/detector.content.ts)
 * saw report tables, or into every frame of the tab on the user's click or shortcut (activeTab).
 * Pages that are not reports never load it.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    startAuditor(ctx);
  },
});
