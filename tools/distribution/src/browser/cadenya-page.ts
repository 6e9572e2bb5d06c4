// A page that uploads a File to Cadenya through the sandbox, in a browser, across origins.
import { Cadenya } from '@upkit/cadenya-client';
import { cadenyaTarget, upload } from '@upkit/upload-uploader';
import { runPage } from './page-harness.js';

runPage(async (config, file, onProgress) => {
  const client = new Cadenya({
    baseURL: config.cadenyaBaseUrl,
    apiKey: config.cadenyaApiKey,
    workspaceId: config.cadenyaWorkspaceId,
  });
  const result = await upload(cadenyaTarget(client, { pollIntervalMs: 50 }), file, { onProgress });
  return { uploadId: result.uploadId, sha256: result.sha256, status: result.upload.info.status };
});
