import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'

export default defineConfig({
  plugins: [react()],
  resolve: {
    // monaco-yaml's worker imports monaco's pre-0.56 deep paths; point them at the real files.
    alias: [
      {
        find: /^monaco-editor\/esm\/vs\/(.*)$/,
        replacement: fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/$1', import.meta.url)),
      },
    ],
  },
  worker: { format: 'es' },
  build: {
    // Monaco is big by nature; it lives in its own lazily loaded chunk.
    chunkSizeWarningLimit: 4000,
  },
})
