import { packageTestConfig } from '../../vitest.shared.js';

// Most of these tests generate code from OpenAPI documents and import it (seconds of CPU each, many
// more on a busy machine), so their limits are hang guards, not speed requirements: a test or hook
// fails only when it has not finished after ten minutes. The type-check of all generated code is
// the `typecheck-generated` target (src/testing/typecheck-generated.ts), not a test.
const HANG_GUARD_MS = 10 * 60_000;

export default packageTestConfig({ testTimeout: HANG_GUARD_MS, hookTimeout: HANG_GUARD_MS });
