import { lookup } from 'mrmime';

/**
 * Scenario's `kind` for a file when `--kind` is not given: from its content type (given, or from
 * its extension). GLB, glTF, FBX, OBJ, USDZ… are `model`; images, audio and video their own kinds;
 * anything else `asset`.
 */
export function scenarioKindFor(path: string, contentType: string | undefined): string {
  const type = (contentType ?? lookup(path) ?? '').toLowerCase();
  if (type.startsWith('model/') || /\.(glb|gltf|fbx|obj|usdz|stl|ply|3mf)$/i.test(path))
    return 'model';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  return 'asset';
}
