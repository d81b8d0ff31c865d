import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The site: built into apps/admin/dist, which the api serves on `/` (index.html fallback for client
// routes). In dev, `npm run dev:site` serves it on :5173 and proxies /api to a running api.
const root = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022', chunkSizeWarningLimit: 400 },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.DROPSHIP_API_URL ?? 'http://localhost:3000', changeOrigin: true } },
  },
});
