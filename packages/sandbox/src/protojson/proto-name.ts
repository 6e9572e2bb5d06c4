/**
 * The proto field name behind a lowerCamelCase JSON name: `sizeBytes` → `size_bytes`,
 * `externalId` → `external_id`. protoc derives the JSON name from the proto name by dropping each
 * `_` and upper-casing the letter after it; this is the inverse for conventional snake_case names
 * (the documents carry JSON names only). A name with no upper-case letter is its own proto name.
 */
export function protoNameOf(jsonName: string): string {
  return jsonName.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
