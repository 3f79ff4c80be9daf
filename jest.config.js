// Unit specs beside the code (src, *.spec.ts), e2e specs in test/ (*.e2e-spec.ts) and the portal's
// browser specs (test/browser, *.browser-spec.ts: Debian's Chromium, skipped loudly when it is missing).
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }];
module.exports = {
  // Some unit specs render PDFs or rank 100,000 entries: room for a machine busy with other work
  // (a global option; the e2e and browser setups raise it further).
  testTimeout: 30000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      setupFiles: ['reflect-metadata'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      setupFiles: ['reflect-metadata'],
      setupFilesAfterEnv: ['<rootDir>/test/setup-env.ts'],
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      setupFiles: ['reflect-metadata'],
      setupFilesAfterEnv: ['<rootDir>/test/setup-env.ts'],
      globalSetup: '<rootDir>/test/browser/global-setup.ts',
      globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
    },
  ],
};
