import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The corpus tests parse tens of megabytes; the default 5 s is for unit tests.
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
