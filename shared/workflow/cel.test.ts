import { describe, expect, it } from 'vitest';
import { CelError, celReferences, celSyntaxError, evaluateCel, evaluateCelBool } from './cel.ts';

const refs = (source: string) => {
  const { variables, members } = celReferences(source, ['blocks', 'data']);
  return { variables: [...variables].sort(), blocks: [...(members.get('blocks') ?? [])].sort(), data: [...(members.get('data') ?? [])].sort() };
};

describe('evaluateCel', () => {
  it('reads whole numbers as ints and gives numbers back', () => {
    expect(evaluateCel('data.total + 1', { data: { total: 41 } })).toBe(42);
    expect(evaluateCel('data.price * 2.0', { data: { price: 1.25 } })).toBe(2.5);
    expect(evaluateCel('size(data.filter(x, x > 1))', { data: [1, 2, 3] })).toBe(2);
  });

  it('gives plain JSON back: maps, lists, null, optionals and bytes', () => {
    expect(evaluateCel('{"a": [1, "two", null], "b": data}', { data: { c: true } })).toEqual({ a: [1, 'two', null], b: { c: true } });
    expect(evaluateCel('data.?missing.orValue("none")', { data: {} })).toBe('none');
    expect(evaluateCel('data.?missing', { data: {} })).toBeNull();
    expect(evaluateCel('b"abc"', {})).toBe('YWJj');
  });

  it('says what went wrong when an expression cannot be evaluated', () => {
    expect(() => evaluateCel('data.missing', { data: {} })).toThrow(CelError);
    expect(() => evaluateCel('data.missing', { data: {} })).toThrow(/missing/);
    expect(() => evaluateCel('1 / data', { data: 0 })).toThrow(/division by zero/);
    expect(() => evaluateCel('data +', { data: 1 })).toThrow(/^does not parse: /);
  });

  it('keeps only the first line of the evaluator’s message', () => {
    try {
      evaluateCel('data.a.b', { data: { a: 1 } });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

describe('evaluateCelBool', () => {
  it('gives a boolean, and refuses anything else so a typo never reads as false', () => {
    expect(evaluateCelBool('data.n > 1', { data: { n: 2 } })).toBe(true);
    expect(() => evaluateCelBool('data.n', { data: { n: 2 } })).toThrow('must give true or false, gave 2');
  });
});

describe('celSyntaxError', () => {
  it('is undefined for an expression that parses and says why for one that does not', () => {
    expect(celSyntaxError('has(data.a) ? data.a : 0')).toBeUndefined();
    expect(celSyntaxError('data.a +')).toMatch(/\S/);
    expect(celSyntaxError('  ')).toBe('the expression is empty');
  });
});

describe('celReferences', () => {
  it('finds the variables and the blocks an expression reads', () => {
    expect(refs('data.items[0] + blocks.price.total + input.n')).toEqual({ variables: ['blocks', 'data', 'input'], blocks: ['price'], data: ['items'] });
    expect(refs('blocks.?quote.orValue(0) + has(blocks.tax) ? 1 : 0')).toMatchObject({ blocks: ['quote', 'tax'] });
  });

  it('leaves out names a macro binds', () => {
    expect(refs('data.items.map(item, item.price * blocks.rate.value)')).toEqual({ variables: ['blocks', 'data'], blocks: ['rate'], data: ['items'] });
    expect(refs('data.all(x, x > 0) && data.exists(y, y == limit)')).toMatchObject({ variables: ['data', 'limit'] });
  });

  it('binds a macro variable only inside that macro', () => {
    expect(refs('data.map(x, x + 1) + [x]')).toMatchObject({ variables: ['data', 'x'] });
    expect(refs('data.map(x, x > 1, x * 2)')).toMatchObject({ variables: ['data'] });
    expect(refs('blocks.a.orValue(limit)')).toEqual({ variables: ['blocks', 'limit'], blocks: ['a'], data: [] });
  });

  it('reads `cel.bind` as a binding, not as a variable named cel', () => {
    expect(refs('cel.bind(t, blocks.tax.rate, t * data.total)')).toEqual({ variables: ['blocks', 'data'], blocks: ['tax'], data: ['total'] });
    expect(refs('cel.bind(t, t, 1)')).toMatchObject({ variables: ['t'] });
    expect(evaluateCel('cel.bind(t, data.n, t * t)', { data: { n: 3 } })).toBe(9);
  });

  it('reads nothing from an expression that does not parse', () => {
    expect(refs('blocks.a +')).toEqual({ variables: [], blocks: [], data: [] });
  });
});
