/** Two projects: fast unit tests beside the code, and integration tests that start a local cloud. */
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: { jsx: 'react-jsx', module: 'commonjs', esModuleInterop: true, isolatedModules: true }, diagnostics: false }],
};
module.exports = {
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
      testTimeout: 30000,
    },
  ],
};
