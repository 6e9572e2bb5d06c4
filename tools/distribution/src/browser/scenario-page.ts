// A page that uploads a File to Scenario (multipart) through the sandbox, in a browser.
import { Scenario } from '@upkit/scenario-client';
import { scenarioTarget, upload } from '@upkit/upload-uploader';
import { runPage } from './page-harness.js';

runPage(async (config, file, onProgress) => {
  const client = new Scenario({
    baseURL: config.scenarioBaseUrl,
    apiKey: config.scenarioApiKey,
    apiSecret: config.scenarioApiSecret,
  });
  const result = await upload(scenarioTarget(client, { kind: 'model', pollIntervalMs: 50 }), file, {
    onProgress,
    concurrency: 3,
  });
  return { uploadId: result.uploadId, sha256: result.sha256, status: result.upload.status };
});
