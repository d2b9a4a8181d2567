import { describe, expect, it } from 'vitest';
import { FunctionConfig } from '../../shared/workspace/function-config.ts';
import { isEditable, orderFiles } from './file-order.ts';

describe('file tabs', () => {
  it('puts the handler file first and function.json last', () => {
    const config = FunctionConfig.parse({ runtime: 'python3.13', handler: 'lambda_function.handler' });
    const files = ['README.md', 'function.json', 'lambda_function.py', 'helpers/db.py'];
    expect(orderFiles({ files, config })).toEqual(['lambda_function.py', 'helpers/db.py', 'README.md', 'function.json']);
  });

  it('still lists function.json when the config is broken', () => {
    expect(orderFiles({ files: ['index.ts', 'function.json'], config: null })).toEqual(['index.ts', 'function.json']);
  });

  it('leaves out dependencies and binary files', () => {
    expect(isEditable('node_modules/x/index.js')).toBe(false);
    expect(isEditable('logo.png')).toBe(false);
    expect(isEditable('Makefile')).toBe(true);
    expect(isEditable('src/app.mjs')).toBe(true);
  });
});
