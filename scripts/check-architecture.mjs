/**
 * Holds the code to its architecture, and prints it:
 * - imports go down the layers of scripts/layers.mjs, never up;
 * - the database is reached only from the store: no other layer imports a PostgreSQL package
 *   or holds one's object (the type checker says where a value's type comes from);
 * - no function in src/ is longer than 80 lines.
 * Usage: node scripts/check-architecture.mjs [repository root]. Exits 1 on any breach.
 */
import path from 'node:path';
import ts from 'typescript';
import { DATABASE_PACKAGES, LAYERS, layerOf } from './layers.mjs';

const MAX_FUNCTION_LINES = 80;
const root = path.resolve(process.argv[2] ?? '.');
const STORE = LAYERS.findIndex(({ name }) => name === 'store');

const relative = (file) => path.relative(root, file).split(path.sep).join('/');
const isDatabasePackage = (specifier) =>
  DATABASE_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
const fromDatabasePackage = (declarationFile) =>
  DATABASE_PACKAGES.some((name) => declarationFile.includes(`/node_modules/${name}/`)) ||
  declarationFile.includes('/node_modules/@types/pg/');

function program() {
  const configFile = path.join(root, 'tsconfig.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root);
  return ts.createProgram(parsed.fileNames, parsed.options);
}

/** The module specifiers a file imports: static, dynamic, re-exports. */
function importsOf(source) {
  const found = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, node });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, node });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function target(file, specifier) {
  const resolved = path.resolve(path.dirname(file), specifier.replace(/\.js$/, ''));
  return relative(resolved);
}

const lineOf = (source, node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;

/**
 * Where a file holds a database package's object (a DataSource, an EntityManager, a Pool, a
 * store's `manager`): to hold one is to be able to query. One place a line.
 */
function databaseHandles(source, checker) {
  const found = new Map();
  const visit = (node) => {
    if (
      ts.isIdentifier(node) &&
      !ts.isImportSpecifier(node.parent) &&
      !ts.isImportClause(node.parent)
    ) {
      const type = checker.getTypeAtLocation(node);
      const symbol = type.getSymbol() ?? type.aliasSymbol;
      const declared = symbol?.declarations?.[0]?.getSourceFile().fileName ?? '';
      const line = lineOf(source, node);
      if (fromDatabasePackage(declared) && !found.has(line)) found.set(line, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found.values()];
}

function longFunctions(source) {
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (end - start + 1 > MAX_FUNCTION_LINES) found.push({ node, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function check() {
  const built = program();
  const checker = built.getTypeChecker();
  const breaches = [];
  /** Imports between layers, by "from → to", for the picture. */
  const arrows = new Map();
  for (const source of built.getSourceFiles()) {
    const file = relative(source.fileName);
    const layer = layerOf(file);
    if (file.startsWith('..') || file.includes('node_modules/') || layer < 0) continue;
    for (const { specifier, node } of importsOf(source)) {
      const where = `${file}:${lineOf(source, node)}`;
      if (isDatabasePackage(specifier) && layer !== STORE) {
        breaches.push(`${where} imports '${specifier}': only the store reaches the database`);
      }
      if (!specifier.startsWith('.')) continue;
      const to = layerOf(target(source.fileName, specifier));
      if (to < 0 || to === layer) continue;
      const key = `${LAYERS[layer].name} → ${LAYERS[to].name}`;
      arrows.set(key, (arrows.get(key) ?? 0) + 1);
      if (to > layer) {
        breaches.push(
          `${where} imports '${specifier}': ${LAYERS[layer].name} may not import ${LAYERS[to].name}, a layer above it`,
        );
      }
    }
    if (layer !== STORE) {
      for (const handle of databaseHandles(source, checker)) {
        breaches.push(
          `${file}:${lineOf(source, handle)} holds the database (${handle.getText(source)}): only the store does`,
        );
      }
    }
    if (file.startsWith('src/')) {
      for (const { node, lines } of longFunctions(source)) {
        breaches.push(
          `${file}:${lineOf(source, node)} a function of ${lines} lines: at most ${MAX_FUNCTION_LINES}`,
        );
      }
    }
  }
  return { breaches, arrows };
}

function picture(arrows) {
  const lines = ['Layers, top first (each may import only those below it):'];
  for (let index = LAYERS.length - 1; index >= 0; index--) {
    const { name, why, paths } = LAYERS[index];
    const down = [...arrows]
      .filter(([key]) => key.startsWith(`${name} → `))
      .map(([key, count]) => `${key.split(' → ')[1]} ${count}`);
    lines.push(`  ${name.padEnd(10)} ${paths.join(', ')} — ${why}`);
    if (down.length > 0) lines.push(`  ${''.padEnd(10)} imports: ${down.join(', ')}`);
  }
  return lines.join('\n');
}

const { breaches, arrows } = check();
console.log(picture(arrows));
if (breaches.length > 0) {
  console.error(`\n${breaches.length} breach(es) of the architecture:`);
  for (const breach of breaches) console.error(`  ${breach}`);
  process.exitCode = 1;
} else {
  console.log(
    '\nNo import goes up a layer, only the store reaches the database, no function is over 80 lines.',
  );
}
