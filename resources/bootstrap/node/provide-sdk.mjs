// Loaded with --import before the bootstrap: makes the packages a Lambda Node.js runtime
// provides (the AWS SDK for JavaScript v3, the durable execution SDK) importable from handler
// code that did not bundle them, by resolving bare specifiers the handler's own folder lacks
// from the studio's node_modules (NODE_PATH), as ESM ignores NODE_PATH.
import module from 'node:module';
import { pathToFileURL } from 'node:url';

const provided = (process.env.NODE_PATH ?? '').split(':').filter(Boolean);
const isBare = (specifier) => !/^(\.|\/|file:|node:|data:|[a-zA-Z][a-zA-Z0-9+.-]*:)/.test(specifier);

function resolveProvided(specifier, context, nextResolve) {
  try {
    return nextResolve(specifier, context);
  } catch (error) {
    if (!isBare(specifier) || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    for (const dir of provided) {
      try {
        return nextResolve(specifier, { ...context, parentURL: pathToFileURL(`${dir}/`).href });
      } catch {
        // try the next folder
      }
    }
    throw error;
  }
}

if (typeof module.registerHooks === 'function') {
  module.registerHooks({ resolve: resolveProvided });
}
