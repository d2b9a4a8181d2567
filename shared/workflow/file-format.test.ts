import { describe, expect, it } from 'vitest';
import { BLOCK_FIELD_ORDER, formatWorkflow, readWorkflow } from './file-format.ts';
import { Block, type WorkflowGraphInput } from './schema.ts';

const graph: WorkflowGraphInput = {
  edges: [{ target: 'check', sourceHandle: undefined, source: 'input', id: 'e1' }],
  blocks: [
    { type: 'input', position: { y: 2, x: 1 }, id: 'input', note: 'starts here', sample: { zeta: 1, alpha: { b: [{ d: 1, c: 2 }], a: null }, '10': 'ten', '2': 'two' } },
    {
      note: 'calls the checker',
      catches: [{ body: 'error', error: 'TypeError' }],
      returns: [{ body: 'result', when: 'true' }],
      function: 'check',
      position: { x: 0, y: 100 },
      type: 'lambda',
      id: 'check',
    },
  ],
  description: 'Checks things',
};

describe('workflow file format', () => {
  it('writes keys in a fixed order, free-form JSON sorted, two-space indent and a final newline', () => {
    const text = formatWorkflow(graph);
    expect(text).toBe(`{
  "version": 1,
  "description": "Checks things",
  "blocks": [
    {
      "id": "input",
      "type": "input",
      "position": {
        "x": 1,
        "y": 2
      },
      "sample": {
        "10": "ten",
        "2": "two",
        "alpha": {
          "a": null,
          "b": [
            {
              "c": 2,
              "d": 1
            }
          ]
        },
        "zeta": 1
      },
      "note": "starts here"
    },
    {
      "id": "check",
      "type": "lambda",
      "position": {
        "x": 0,
        "y": 100
      },
      "function": "check",
      "returns": [
        {
          "when": "true",
          "body": "result"
        }
      ],
      "catches": [
        {
          "error": "TypeError",
          "body": "error"
        }
      ],
      "note": "calls the checker"
    }
  ],
  "edges": [
    {
      "id": "e1",
      "source": "input",
      "target": "check"
    }
  ]
}
`);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(readWorkflow(text).graph)));
  });

  it('gives the same bytes for the same graph however its keys were ordered', () => {
    const reordered = JSON.parse(JSON.stringify(graph), (_key, value: unknown) =>
      typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    ) as WorkflowGraphInput;
    expect(formatWorkflow(reordered)).toBe(formatWorkflow(graph));
    expect(formatWorkflow(readWorkflow(formatWorkflow(graph)).graph ?? { blocks: [] })).toBe(formatWorkflow(graph));
  });

  it('places every key of every block type', () => {
    for (const option of Block.options) {
      const type = option.shape.type.value;
      const placed = ['id', 'type', 'parent', 'position', 'size', ...BLOCK_FIELD_ORDER[type], 'note'];
      for (const key of Object.keys(option.shape)) expect(placed, `${type}.${key}`).toContain(key);
    }
  });

  it('keeps empty containers and odd keys readable', () => {
    const text = formatWorkflow({ blocks: [{ id: 'i', type: 'input', position: { x: 0, y: 0 }, sample: { '': [], __proto__x: {}, list: [] } }] });
    expect(text).toContain('"sample": {\n        "": [],\n        "__proto__x": {},\n        "list": []\n      }');
    expect(text).toContain('"edges": []');
  });

  it('names the field at fault in a file that does not fit the format', () => {
    const text = JSON.stringify({ blocks: [{ id: 'i', type: 'input', position: { x: 0, y: 0 } }, { id: 'o', type: 'output', position: { x: 0, y: 0 } }, { id: 'l', type: 'lambda', position: { x: 0, y: 0 }, function: 7 }] });
    const reading = readWorkflow(text);
    expect(reading.graph).toBeNull();
    expect(reading.error).toMatch(/^The file does not fit the workflow format: blocks\.2\.function: /);
  });

  it('gives the line and column of a JSON syntax error', () => {
    expect(readWorkflow('{\n  "blocks": [\n  "edges": []\n}\n').error).toMatch(/^The file is not valid JSON at line 3, column 10: Expected/);
    expect(readWorkflow('{\n  "blocks": [').error).toMatch(/^The file is not valid JSON at line 2, column 14: the text ends before the array is closed with \]/);
    expect(readWorkflow('  \n').error).toBe('The file is not valid JSON: the text is empty');
  });
});
