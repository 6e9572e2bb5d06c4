import { constantTimeEqual } from '../constant-time.js';
import type { CadenyaCredentials } from '../credentials.js';
import { CadenyaRpcError } from '../errors/cadenya-rpc-error.js';
import { GrpcCode } from './grpc-code.js';

/**
 * Checks `Authorization: Bearer <apiKey>`.
 * @throws CadenyaRpcError UNAUTHENTICATED (16 → 401)
 */
export function checkCadenyaAuth(
  header: string | undefined,
  credentials: CadenyaCredentials,
): void {
  const match = /^bearer\s+(.+)$/i.exec(header ?? '');
  if (!match) throw new CadenyaRpcError(GrpcCode.UNAUTHENTICATED, 'missing bearer token');
  if (!constantTimeEqual(match[1]!.trim(), credentials.apiKey)) {
    throw new CadenyaRpcError(GrpcCode.UNAUTHENTICATED, 'invalid API key');
  }
}

/**
 * Checks that the key may act in the workspace of the path.
 * @throws CadenyaRpcError PERMISSION_DENIED (7 → 403)
 */
export function checkWorkspace(workspaceId: string, credentials: CadenyaCredentials): void {
  if (
    workspaceId !== credentials.workspaceId &&
    !credentials.otherWorkspaceIds.includes(workspaceId)
  ) {
    throw new CadenyaRpcError(
      GrpcCode.PERMISSION_DENIED,
      `permission denied: the API key has no access to workspace ${workspaceId}`,
    );
  }
}
