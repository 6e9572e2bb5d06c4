/** Where Scenario's part URLs point (its S3 bucket, region us-east-1). */
export const SCENARIO_BUCKET = { name: 'scenario-uploads', region: 'us-east-1' } as const;
/** Where Cadenya's upload URLs point (its S3 bucket, region us-west-2). */
export const CADENYA_BUCKET = { name: 'cadenya-uploads', region: 'us-west-2' } as const;

export const BUCKET_NAMES: readonly string[] = [SCENARIO_BUCKET.name, CADENYA_BUCKET.name];

/** The path of an object under the storage route (each key segment percent-encoded). */
export function storagePath(bucket: string, key: string): string {
  return `/storage/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
