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
      setupFiles: ['<rootDir>/tests/support/function-time-scale.ts'],
    },
    {
      // The SDK vendor's own database tests (npm @cloudbase/node-sdk@2.9.0, aliased), run from node_modules
      // against a local cloud per file; only their plumbing is mapped (tests/vendor/README in docs/local-cloud.md).
      displayName: 'vendor',
      testEnvironment: '<rootDir>/tests/vendor/vendor-environment.ts',
      transform,
      roots: ['<rootDir>/node_modules/cloudbase-node-sdk-2-9/test/database/unit'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: [],
      haste: { retainAllFiles: true },
      transformIgnorePatterns: ['/node_modules/(?!(cloudbase-node-sdk-2-9/test|@cloudbase/database/src)/)'],
      moduleNameMapper: {
        '^power-assert$': '<rootDir>/tests/vendor/power-assert.js',
        '^\\.\\./\\.\\./\\.\\./src/index$': '@cloudbase/node-sdk',
        '^(\\.\\./)+config\\.local$': '<rootDir>/tests/vendor/config-local.ts',
        '^@cloudbase/database/src/(.*)$': '<rootDir>/node_modules/@cloudbase/database/src/$1',
      },
      setupFilesAfterEnv: ['<rootDir>/tests/vendor/vendor-exclusions-setup.ts'],
    },
    {
      // The production weapp build (dist/weapp) mounted by WeChat's miniprogram-simulate; run by scripts/check-weapp.mjs after the build.
      displayName: 'weapp',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/weapp/**/*.weapp.ts'],
    },
    {
      // Browser tests: the H5 build served by an in-process local cloud, driven in Debian's Chromium.
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
      setupFiles: ['<rootDir>/tests/support/function-time-scale.ts'],
    },
  ],
};
