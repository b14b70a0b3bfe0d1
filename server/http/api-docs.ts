// Swagger UI for our OpenAPI document, served from swagger-ui-dist: offline, and no inline script or style for CSP.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono, type Context } from 'hono';

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The only files served from swagger-ui-dist; the name is looked up here, never joined from the request. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};
/** The files change only with the swagger-ui-dist version, but their names carry no hash. */
const ASSET_CACHE = 'public, max-age=86400';

// Stand-in until the shared problem helper takes over.
function problem(c: Context, status: 404, title: string, detail: string) {
  return c.body(JSON.stringify({ type: 'about:blank', title, status, detail }), status, {
    'Content-Type': 'application/problem+json',
  });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(basePath: string): string {
  const base = escapeHtml(basePath);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Catchment API</title>
<link rel="icon" type="image/png" href="${base}/assets/favicon-32x32.png">
<link rel="stylesheet" href="${base}/assets/swagger-ui.css">
<script src="${base}/assets/swagger-ui-bundle.js" defer></script>
<script src="${base}/init.js" defer></script>
</head>
<body>
<div id="swagger-ui"></div>
</body>
</html>
`;
}

/** validatorUrl: null, or Swagger UI loads a badge from validator.swagger.io; no queryConfig, so `?url=` cannot swap the spec. */
function initScript(specUrl: string): string {
  const options = {
    url: specUrl,
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    queryConfigEnabled: false,
  };
  return `// Starts Swagger UI; a file of its own so the docs page needs no inline script.\nwindow.ui = SwaggerUIBundle(${JSON.stringify(options)});\n`;
}

/**
 * Mounted at `basePath` (default `/api/docs`): the page at `/`, its start-up script at `/init.js`,
 * and the whitelisted swagger-ui-dist files at `/assets/<file>`.
 */
export function apiDocsRoutes(options: { specUrl: string; basePath?: string }): Hono {
  const html = page(options.basePath ?? '/api/docs');
  const init = initScript(options.specUrl);
  const cache = new Map<string, Promise<Buffer<ArrayBuffer>>>();

  return new Hono()
    .get('/', (c) => c.html(html, 200, { 'Cache-Control': 'no-cache' }))
    .get('/init.js', (c) =>
      c.body(init, 200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-cache',
      }),
    )
    .get('/assets/:file', async (c) => {
      const file = c.req.param('file');
      const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
      if (!type) return problem(c, 404, 'Not found', `No docs asset named ${file}`);
      let body = cache.get(file);
      if (!body) {
        body = readFile(join(swaggerDir, file));
        cache.set(file, body);
        body.catch(() => cache.delete(file)); // retry a failed read next time
      }
      return c.body(await body, 200, { 'Content-Type': type, 'Cache-Control': ASSET_CACHE });
    });
}
