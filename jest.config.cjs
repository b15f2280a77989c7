// Every test runs in a zone that no test spreadsheet uses (UTC-10, no daylight saving), so code
// that reads calendar days in the machine's zone instead of the spreadsheet's fails loudly.
process.env.TZ = 'Pacific/Honolulu';

/** Jest runs the TypeScript sources through ts-jest (transpile only: `tsc --noEmit` does the type checking). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', target: 'ES2020', esModuleInterop: true, isolatedModules: true } }],
  },
  testTimeout: 60000,
};
