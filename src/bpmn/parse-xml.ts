import { BpmnModdle, type ModdleElement, type ParseWarning } from 'bpmn-moddle';
import camundaPackage from 'camunda-bpmn-moddle/resources/camunda.json';
import { AppError, type Problem } from '../errors';
import tthcPackage from './tthc-moddle.json';

export interface ParsedBpmn {
  definitions: ModdleElement;
  warnings: Problem[];
}

/** Files larger than this are refused before parsing: no real procedure comes close. */
export const MAX_BPMN_BYTES = 5 * 1024 * 1024;

/**
 * Reads BPMN 2.0 XML with bpmn-moddle, knowing the Camunda and our own `tthc` extensions.
 * Parsing is lenient where it is safe: unknown attributes and elements of other vendors'
 * namespaces, wherever they sit, become warnings and are ignored. XML that is not well formed,
 * not BPMN, or has BPMN elements that cannot be read is refused
 * with the parser's message and line: running a process with a part silently dropped would be
 * worse than not running it.
 */
export async function parseBpmnXml(xml: string): Promise<ParsedBpmn> {
  if (Buffer.byteLength(xml, 'utf8') > MAX_BPMN_BYTES) {
    throw new AppError('BPMN_INVALID', `The BPMN file is larger than ${MAX_BPMN_BYTES} bytes`);
  }
  if (xml.includes('\u0000')) {
    throw new AppError(
      'BPMN_INVALID',
      'The BPMN file contains a NUL character, which XML does not allow',
    );
  }
  // A DTD can declare entities that expand without bound or read local files: never accept one.
  if (/<!DOCTYPE/i.test(xml)) {
    throw new AppError('BPMN_INVALID', 'The BPMN file declares a DOCTYPE, which is not allowed');
  }
  const moddle = new BpmnModdle({
    camunda: camundaPackage,
    tthc: tthcPackage,
  });
  try {
    const result = await moddle.fromXML(xml, 'bpmn:Definitions');
    const vendor = vendorNamespaces(xml);
    const unreadable = result.warnings.filter((w) => w.message.startsWith('unparsable content'));
    const foreign = unreadable.filter((w) => vendor.has(prefixOf(w.message) ?? ''));
    const broken = unreadable.find((w) => !foreign.includes(w));
    if (broken) throw new Error(broken.message);
    const warnings = result.warnings.map((w) =>
      foreign.includes(w) ? ignoredVendorElement(w) : toProblem(w),
    );
    return { definitions: result.rootElement, warnings };
  } catch (error) {
    throw parseError(error);
  }
}

/** The prefixes the file binds to namespaces other than BPMN's own (its vendors' extensions). */
function vendorNamespaces(xml: string): Set<string> {
  const prefixes = new Set<string>();
  for (const [, prefix, uri] of xml.matchAll(/\sxmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) {
    if (!uri.startsWith('http://www.omg.org/spec/BPMN/')) prefixes.add(prefix);
  }
  return prefixes;
}

/** `unparsable content <signavio:x> detected`: the prefix of the element named. */
const prefixOf = (message: string) => /<([\w.-]+):[\w.-]+>/.exec(message)?.[1];

function ignoredVendorElement(warning: ParseWarning): Problem {
  const element = /<[^>]+>/.exec(warning.message)?.[0] ?? 'an element';
  const { line } = positionOf(warning.message);
  return {
    message: `${element}${line === undefined ? '' : ` at line ${line}`} belongs to another tool's extension and is ignored`,
    rule: 'engine/extension',
  };
}

function toProblem(warning: ParseWarning): Problem {
  const elementId = typeof warning.element?.id === 'string' ? warning.element.id : undefined;
  return { message: describe(warning.message), elementId };
}

function parseError(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  const position = positionOf(message);
  let text = describe(message);
  if (text.startsWith('failed to parse document as')) {
    text = `the root element must be <definitions> in the BPMN 2.0 namespace ${BPMN_NAMESPACE}`;
  }
  return new AppError('BPMN_INVALID', `The file is not valid BPMN 2.0: ${text}`, position);
}

const BPMN_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/**
 * bpmn-moddle writes the position into the message as "line: N" and "column: M", counted from
 * zero, and the cause as "nested error: ...". People count lines from one.
 */
function describe(message: string): string {
  const [first] = message.split('\n');
  const nested = /nested error:\s*(.+)/.exec(message)?.[1];
  const { line, column } = positionOf(message);
  const where = line === undefined ? '' : ` at line ${line}, column ${column ?? 1}`;
  return `${first.trim()}${nested ? `: ${nested.trim()}` : ''}${where}`;
}

function positionOf(message: string): { line?: number; column?: number } {
  const line = /line:\s*(\d+)/.exec(message)?.[1];
  const column = /column:\s*(\d+)/.exec(message)?.[1];
  return {
    line: line === undefined ? undefined : Number(line) + 1,
    column: column === undefined ? undefined : Number(column) + 1,
  };
}
