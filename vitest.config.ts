import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that run bin/herald.js or worker threads need dist/ as the sources are now.
    globalSetup: ['test/setup/compile.ts'],
    // Hang guards, not time budgets: the corpus tests parse tens of megabytes, and the
    // suite must pass on a machine whose cores are busy with other work.
    testTimeout: 300_000,
    hookTimeout: 300_000
  }
})
