import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves dist/ at `/` in production; in development Vite proxies /api to a local API.
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: process.env.KEYGATE_API_URL ?? 'http://127.0.0.1:8000', changeOrigin: false } },
  },
  build: { manifest: true, outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 600 },
});
