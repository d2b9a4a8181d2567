import type { AppInfo } from '../../../shared/contract/app.ts';
import type { TypeLibraries } from '../editor/type-libraries.ts';
import type { Templates } from '../templates/templates.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import type { Handlers } from './handler-table.ts';

/** The services a host has started, from which the handler table is built. */
export interface HandlerServices {
  appInfo: AppInfo;
  functions: FunctionStore;
  templates: Templates;
  typeLibraries: TypeLibraries;
}

/** One handler per contract method, each a thin call into a service. */
export function createHandlers(services: HandlerServices): Handlers {
  const { functions, templates, typeLibraries } = services;
  return {
    'app.info': async () => services.appInfo,
    'editor.typeLibraries': () => typeLibraries.load(),
    'templates.list': async () => templates.list(),
    'functions.list': () => functions.list(),
    'functions.get': ({ name }) => functions.get(name),
    'functions.create': ({ name, template }) => functions.create(name, template),
    'functions.rename': ({ from, to }) => functions.rename(from, to),
    'functions.delete': async ({ name }) => {
      await functions.remove(name);
      return { ok: true };
    },
    'functions.readFile': async ({ name, path }) => ({ content: await functions.readFile(name, path) }),
    'functions.writeFile': async ({ name, path, content }) => {
      await functions.writeFile(name, path, content);
      return { ok: true };
    },
    'functions.saveConfig': ({ name, config }) => functions.saveConfig(name, config),
  };
}
