import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Pre-bundling would move the package's files and break the URLs of its worker and fonts in `vite dev`.
  optimizeDeps: { exclude: ['nn-mathlets'] },
});
