// Loaded by vitest before every test file. Vendor HTTP mocks (nock) must be loaded before any SDK
// captures `fetch`; later issues import nock here.
process.env.DROPSHIP_LOG_LEVEL ??= 'silent';
