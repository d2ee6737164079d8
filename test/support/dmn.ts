/** A DMN 1.3 file with one decision table, for tests: rows are [tests..., outputs...]. */
export function dmnTable(options: {
  id?: string;
  hitPolicy?: string;
  aggregation?: string;
  inputs: string[];
  outputs: string[];
  outputValues?: string;
  rules: string[][];
}): string {
  const { id = 'fee', inputs, outputs, rules } = options;
  const attributes = [
    options.hitPolicy && `hitPolicy="${options.hitPolicy}"`,
    options.aggregation && `aggregation="${options.aggregation}"`,
  ].filter(Boolean);
  const cell = (tag: string, text: string, i: string) =>
    `<${tag} id="${tag}_${i}"><text>${escape(text)}</text></${tag}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs_${id}" name="${id}" namespace="http://tthc-engine.vn/test">
  <decision id="${id}" name="${id}">
    <decisionTable id="table_${id}" ${attributes.join(' ')}>
      ${inputs.map((expression, i) => `<input id="in${i}"><inputExpression id="ie${i}"><text>${escape(expression)}</text></inputExpression></input>`).join('\n      ')}
      ${outputs.map((name, i) => `<output id="out${i}" name="${name}">${i === 0 && options.outputValues ? `<outputValues><text>${escape(options.outputValues)}</text></outputValues>` : ''}</output>`).join('\n      ')}
      ${rules
        .map(
          (row, r) =>
            `<rule id="r${r + 1}">${row
              .map((text, c) =>
                c < inputs.length
                  ? cell('inputEntry', text, `${r}_${c}`)
                  : cell('outputEntry', text, `${r}_${c}`),
              )
              .join('')}</rule>`,
        )
        .join('\n      ')}
    </decisionTable>
  </decision>
</definitions>`;
}

const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
