import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The pages people use, built into web/dist and served by the API server: one HTML entry per
 * page, sharing the GraphQL client, the translations and the styles.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    // The modeler (bpmn-js) is large by nature; it loads on the designer page only.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        lookup: resolve(import.meta.dirname, 'lookup.html'),
        inbox: resolve(import.meta.dirname, 'inbox.html'),
        dashboard: resolve(import.meta.dirname, 'dashboard.html'),
        designer: resolve(import.meta.dirname, 'designer.html'),
      },
    },
  },
});
