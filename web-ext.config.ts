import { defineWebExtConfig } from 'wxt';

// `npm run dev` opens Chromium through web-ext. Chromium refuses to start as root with its sandbox on
// (CDP closes before Extensions.loadUnpacked: the CI containers and this project's machine run as
// root), so as root only it starts without the sandbox, as test/e2e/start.ts does for `npm start`.
export default defineWebExtConfig({
  chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});
