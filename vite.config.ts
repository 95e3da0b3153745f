import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    // Monaco is big by nature; it lives in its own lazily loaded chunk.
    chunkSizeWarningLimit: 4000,
  },
})
