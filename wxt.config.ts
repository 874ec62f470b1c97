import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** pdf.js's character maps and standard fonts, copied into the extension (no remote code or data). */
const PDFJS_DATA = ['cmaps', 'standard_fonts'].flatMap((dir) => {
  const from = resolve('node_modules/pdfjs-dist', dir);
  return readdirSync(from).map((file) => ({ absoluteSrc: resolve(from, file), relativeDest: `pdfjs/${dir}/${file}` }));
});

// Host access is limited to *.gov.cn, where reports are published; any other site is audited
// only after the user's click or shortcut (activeTab). See docs/extension.md "Permissions and why".
export default defineConfig({
  outDir: process.env.NIANBAO_E2E ? '.output/e2e' : '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['activeTab', 'scripting', 'storage'],
    // E2E builds add the loopback host so the injection path (normally granted by activeTab on the
    // user's click, which a test cannot perform) can be exercised on 127.0.0.1 pages.
    host_permissions: ['*://*.gov.cn/*', ...(process.env.NIANBAO_E2E ? ['http://127.0.0.1/*'] : [])],
    // The viewer and the batch view read a document or a list on another host only after the user's click
    // grants that one host (permissions.request for its origin); nothing is granted at install. MV2 names
    // optional hosts among optional_permissions (below).
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'run-audit': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandRunAudit__',
      },
    },
    ...(browser === 'firefox'
      ? {
          // MV2 names optional hosts among optional_permissions (WXT does not carry optional_host_permissions over).
          optional_permissions: ['http://*/*', 'https://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'nianbao-audit@example.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...PDFJS_DATA);
    },
  },
  zip: { excludeSources: ['test/e2e/out/**', 'bench/results.json'] },
});
