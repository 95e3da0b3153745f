import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Some tests start `npx kubesim run` as a process; a busy 2-core machine needs more than 5s.
    testTimeout: 30_000,
  },
})
