// Bun and Deno run this: the smoke test at the top level, its results printed as JSON.
import { runSmoke, type SmokeConfig } from './smoke.js';

declare const __SMOKE_CONFIG__: SmokeConfig;
console.log(JSON.stringify(await runSmoke(__SMOKE_CONFIG__)));
