/** Where each part of a sandbox is reached, from its origin. */
export interface SandboxUrls {
  /** The origin, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
  /** Base URL of the Scenario API: `${url}/scenario/v1`. */
  readonly scenarioBaseUrl: string;
  /** Base URL of the Cadenya API: `${url}/cadenya`. */
  readonly cadenyaBaseUrl: string;
  /** Base URL of object storage: `${url}/storage`. */
  readonly storageUrl: string;
  /** Base URL of the inspection API: `${url}/_sandbox`. */
  readonly inspectionUrl: string;
}

export function sandboxUrls(origin: string): SandboxUrls {
  return {
    url: origin,
    scenarioBaseUrl: `${origin}/scenario/v1`,
    cadenyaBaseUrl: `${origin}/cadenya`,
    storageUrl: `${origin}/storage`,
    inspectionUrl: `${origin}/_sandbox`,
  };
}
