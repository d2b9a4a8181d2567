/** A function's local URL and a ready `curl` line for it, as the HTTP endpoint section shows them. */

/** `http://127.0.0.1:<port>/<function>/` */
export function functionUrl(origin: string, fn: string): string {
  return `${origin.replace(/\/+$/, '')}/${encodeURIComponent(fn)}/`;
}

/** A POST with a small JSON body and `-i`, so the status line and headers show as well as the body. */
export function curlLine(url: string): string {
  return `curl -i -X POST '${url}' -H 'content-type: application/json' -d '{"hello":"world"}'`;
}
