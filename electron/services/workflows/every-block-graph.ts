import { block, chain, edge, graphOf } from './test-support.ts';

/**
 * A workflow with every block type: a Map over 100 items with a tolerated failure, an
 * approval, a Condition, a block joining two branches, a Parallel with a Wait. The runner's
 * suite and the exported-code suite both run it.
 */
export const EVERY_BLOCK_GRAPH = graphOf(
  [
    block('start', 'input'),
    block('order', 'lambda', { function: 'load-items' }),
    block('prices', 'map', { items: 'data.items', maxConcurrency: 10, toleratedFailures: 1 }),
    block('price', 'lambda', { parent: 'prices', function: 'price' }),
    block('plusOne', 'transform', { parent: 'prices', expression: 'data + 1' }),
    block('total', 'transform', { expression: "{'priced': size(data.filter(p, p != null)), 'last': data[99], 'unlucky': data[12]}" }),
    block('approve', 'approval', { instructions: 'Ship the order?', timeoutSeconds: 3600 }),
    block('decide', 'condition', { branches: [{ id: 'yes', when: 'data.approved == true' }] }),
    block('ship', 'lambda', { function: 'ship', input: "{'priced': blocks.total.priced}" }),
    block('reject', 'lambda', { function: 'reject' }),
    block('merge', 'transform', { expression: "has(data.ship) ? {'outcome': 'shipped', 'by': data.ship.by, 'sent': data.ship.data} : {'outcome': 'rejected'}" }),
    block('fanout', 'parallel'),
    block('notify', 'lambda', { parent: 'fanout', function: 'notify', input: 'data.outcome' }),
    block('pause', 'wait', { parent: 'fanout', seconds: 3600 }),
    block('stamp', 'transform', { parent: 'fanout', expression: "'resumed'" }),
    block('done', 'output', { expression: "{'merge': blocks.merge, 'total': blocks.total, 'fanout': data, 'approval': blocks.approve}" }),
  ],
  [
    ...chain('start', 'order', 'prices', 'total', 'approve', 'decide'),
    ...chain('price', 'plusOne'),
    edge('decide', 'ship', 'yes'),
    edge('decide', 'reject', 'default'),
    edge('ship', 'merge'),
    edge('reject', 'merge'),
    ...chain('merge', 'fanout', 'done'),
    ...chain('pause', 'stamp'),
  ],
);

/** The functions its Lambda blocks call, and the test handler each runs. */
export const EVERY_BLOCK_FUNCTIONS: Record<string, string> = {
  'load-items': 'items.mjs',
  price: 'price.mjs',
  ship: 'echo.mjs',
  reject: 'echo.mjs',
  notify: 'echo.mjs',
};
