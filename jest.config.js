/** Unit tests beside the code; integration tests against an in-process local cloud; e2e in Chromium. */
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: { jsx: 'react-jsx', module: 'commonjs', esModuleInterop: true, isolatedModules: true }, diagnostics: false }],
};
module.exports = {
  // jest 29 reads testTimeout only at the top level; browser and local-cloud tests need room on 2 cores.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/local-cloud/**/*.test.ts', '<rootDir>/cloudfunctions/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/contract/**/*.test.ts', '<rootDir>/tests/integration/**/*.test.ts'],
    },
    {
      // Browser tests: the H5 build served by an in-process local cloud, driven in Debian's Chromium.
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
    },
  ],
};
