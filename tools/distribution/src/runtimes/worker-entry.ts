// workerd runs this: a Worker whose fetch handler runs the smoke test (Workers do I/O only while
// handling a request) and answers its results as JSON.
import { runSmoke, type SmokeConfig } from './smoke.js';

declare const __SMOKE_CONFIG__: SmokeConfig;
export default {
  async fetch(): Promise<Response> {
    return Response.json(await runSmoke(__SMOKE_CONFIG__));
  },
};
