// The app runs under a Content-Security-Policy without 'unsafe-eval'. Zod probes for eval with `Function('')` the
// first time it parses an object (to compile a faster parser); CSP blocks the probe and reports a violation. Parse
// without the compiled fast path instead: our payloads are small. Imported first by main.tsx, before any parse.
import { config } from 'zod';

config({ jitless: true });
