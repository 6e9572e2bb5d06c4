import type { CadenyaState } from '../cadenya/cadenya-records.js';
import type { ScenarioState } from '../scenario/scenario-records.js';
import type { StorageState } from '../storage/storage-records.js';

/** Everything the sandbox remembers, as written to `state.json`. */
export interface SandboxState {
  version: 1;
  scenario: ScenarioState;
  cadenya: CadenyaState;
  storage: StorageState;
}

export function emptyState(): SandboxState {
  return {
    version: 1,
    scenario: { uploads: {} },
    cadenya: { uploads: {}, memoryLayers: {}, memoryEntries: {} },
    storage: { objects: {}, multipartUploads: {} },
  };
}
