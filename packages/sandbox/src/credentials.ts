/** What a client needs to call the emulated Scenario API. */
export interface ScenarioCredentials {
  /** Basic auth user (`SCENARIO_SDK_API_KEY`). */
  readonly apiKey: string;
  /** Basic auth password (`SCENARIO_SDK_API_SECRET`). */
  readonly apiSecret: string;
  /** Accepted as `Authorization: Bearer <token>` in place of Basic auth. */
  readonly bearerToken: string;
  /** The project used when a call has no `projectId` query parameter. */
  readonly projectId: string;
  /** Further projects the credentials may name with `?projectId=`; any other is refused (403). */
  readonly otherProjectIds: readonly string[];
}

/** What a client needs to call the emulated Cadenya API. */
export interface CadenyaCredentials {
  /** Sent as `Authorization: Bearer <apiKey>` (`CADENYA_API_KEY`). */
  readonly apiKey: string;
  /** The workspace to use (`CADENYA_WORKSPACE_ID`). */
  readonly workspaceId: string;
  /** Further workspaces the key may use; any other workspace is refused (403). */
  readonly otherWorkspaceIds: readonly string[];
}

/** The storage signing key. Only the sandbox needs it; tests may use it to presign by hand. */
export interface StorageCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** Every credential the sandbox accepts or uses. */
export interface SandboxCredentials {
  readonly scenario: ScenarioCredentials;
  readonly cadenya: CadenyaCredentials;
  readonly storage: StorageCredentials;
}

/** Credentials to override; anything left out keeps its development default. */
export interface SandboxCredentialsInput {
  readonly scenario?: Partial<ScenarioCredentials>;
  readonly cadenya?: Partial<CadenyaCredentials>;
  readonly storage?: Partial<StorageCredentials>;
}

/** The development defaults. They only ever open this sandbox. */
export const DEFAULT_CREDENTIALS: SandboxCredentials = {
  scenario: {
    apiKey: 'sandbox-scenario-api-key',
    apiSecret: 'sandbox-scenario-api-secret',
    bearerToken: 'sandbox-scenario-bearer-token',
    projectId: 'proj_upkitSandboxProject00001',
    otherProjectIds: ['proj_upkitSandboxProject00002'],
  },
  cadenya: {
    apiKey: 'sandbox-cadenya-api-key',
    workspaceId: 'workspace_01JZ0SANDBXWKSPC0000000001',
    otherWorkspaceIds: ['workspace_01JZ0SANDBXWKSPC0000000002'],
  },
  storage: {
    accessKeyId: 'AKIAUPKITSANDBOX0001',
    secretAccessKey: 'upkit-sandbox-storage-secret-0000000000',
  },
};

/** The fixed account and principal that own everything the sandbox creates. */
export const SANDBOX_IDENTITY = {
  scenarioUserId: 'user_upkitSandboxUser000000001',
  cadenyaAccountId: 'account_01JZ0SANDBXACCNT00000000001',
  cadenyaProfileId: 'profile_01JZ0SANDBXPRF000000000001',
  cadenyaProfileName: 'Sandbox API key',
} as const;

export function resolveCredentials(input: SandboxCredentialsInput = {}): SandboxCredentials {
  return {
    scenario: { ...DEFAULT_CREDENTIALS.scenario, ...input.scenario },
    cadenya: { ...DEFAULT_CREDENTIALS.cadenya, ...input.cadenya },
    storage: { ...DEFAULT_CREDENTIALS.storage, ...input.storage },
  };
}
