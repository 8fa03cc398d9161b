/** /api/docs: a readable, script-free page generated from the OpenAPI document. */
import { renderToString } from 'preact-render-to-string';
import { urls } from '../../platform/http/urls.js';

interface Operation {
  summary: string;
  parameters?: { name: string; in: string; description?: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, { description?: string; type?: unknown }> } }> };
  responses: Record<string, { description: string }>;
}

/** The fields of a JSON request body, for the table (their own schemas are in the OpenAPI document). */
function bodyFields(op: Operation): { name: string; in: string; description?: string }[] {
  const properties = op.requestBody?.content['application/json']?.schema.properties ?? {};
  return Object.entries(properties).map(([name, p]) => ({ name, in: 'body', description: p.description ?? (typeof p.type === 'string' ? p.type : undefined) }));
}

export function renderApiDocs(document: Record<string, unknown>): string {
  const operations = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op, fields: [...(op.parameters ?? []), ...bodyFields(op)] })));
  const info = document.info as { title: string; description: string; version: string };
  return (
    '<!doctype html>' +
    renderToString(
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{info.title} — documentation</title>
          <link rel="stylesheet" href={urls.stylesheet()} />
        </head>
        <body>
          <a class="skip-link" href="#main">
            Skip to main content
          </a>
          <header class="site-header">
            <div class="site-header__bar container">
              <a class="site-header__brand" href="/en">
                <span class="site-header__emblem" aria-hidden="true">
                  京
                </span>
                <span class="site-header__name">Invest Beijing One-Stop</span>
              </a>
            </div>
          </header>
          <div class="container">
            <main id="main" tabindex={-1}>
              <header class="page-header">
                <h1>{info.title}</h1>
                <p class="lead">{info.description}</p>
              </header>
              <div class="prose">
                <p>
                  Version {info.version}. Machine-readable description: <a href={urls.openapi()}>OpenAPI 3.1 document</a>. Errors are
                  RFC 9457 <code>application/problem+json</code> documents whose <code>detail</code> says what to change; invalid query
                  parameters are all listed in <code>invalid-params</code>. Requests are rate limited per client.
                </p>
              </div>
              {operations.map(({ path, method, op, fields }) => (
                <section class="section api-op" id={`${method}-${path}`.replace(/\W+/g, '-').toLowerCase()}>
                  <h2>
                    <code>
                      {method.toUpperCase()} {path}
                    </code>
                  </h2>
                  <p>{op.summary}</p>
                  {fields.length > 0 && (
                    <table class="data-table">
                      <caption>Parameters</caption>
                      <thead>
                        <tr>
                          <th scope="col">Name</th>
                          <th scope="col">In</th>
                          <th scope="col">Description</th>
                        </tr>
                      </thead>
                      <tbody>
                        {fields.map((p) => (
                          <tr>
                            <th scope="row">
                              <code>{p.name}</code>
                            </th>
                            <td>{p.in}</td>
                            <td>{p.description ?? ('required' in p && p.required ? 'required' : '')}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                  <ul class="bullets">
                    {Object.entries(op.responses).map(([status, r]) => (
                      <li>
                        <strong>{status}</strong> — {r.description}
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </main>
          </div>
        </body>
      </html>,
    )
  );
}
