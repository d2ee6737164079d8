/**
 * An ESLint rule for the layers of scripts/layers.mjs: an import, static or dynamic, may name a
 * file of its own layer or of one below, never of one above; and only the store imports the
 * PostgreSQL packages. The editor says so as the import is typed; scripts/check-architecture.mjs
 * says it again for the whole tree, with the checks that need types.
 */
import path from 'node:path';
import { DATABASE_PACKAGES, LAYERS, layerOf } from './layers.mjs';

const root = path.resolve(import.meta.dirname, '..');
const relative = (file) => path.relative(root, file).split(path.sep).join('/');
const STORE = LAYERS.findIndex(({ name }) => name === 'store');

const importsGoDown = {
  meta: {
    type: 'problem',
    docs: { description: 'imports go down the layers (scripts/layers.mjs)' },
    messages: {
      up: '{{from}} may not import {{to}}, a layer above it (scripts/layers.mjs)',
      database: "Only the store imports '{{name}}': ask the store for what you need",
    },
    schema: [],
  },
  create(context) {
    const file = relative(context.filename);
    const layer = layerOf(file);
    if (layer < 0) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      const isDatabase = DATABASE_PACKAGES.some(
        (name) => specifier === name || specifier.startsWith(`${name}/`),
      );
      if (isDatabase && layer !== STORE) {
        context.report({ node, messageId: 'database', data: { name: specifier } });
      }
      if (!specifier.startsWith('.')) return;
      const target = relative(path.resolve(path.dirname(context.filename), specifier));
      const to = layerOf(target.replace(/\.js$/, ''));
      if (to > layer) {
        context.report({
          node,
          messageId: 'up',
          data: { from: LAYERS[layer].name, to: LAYERS[to].name },
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => check(node.source, node.source.value),
    };
  },
};

export const layersPlugin = { rules: { 'imports-go-down': importsGoDown } };
