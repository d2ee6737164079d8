// dmn-moddle ships no types; this is the part we use (its elements read like bpmn-moddle's).
declare module 'dmn-moddle' {
  import type { ModdleElement, ParseWarning } from 'bpmn-moddle';
  export class DmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(
      xml: string,
      typeName?: string,
    ): Promise<{ rootElement: ModdleElement; warnings: ParseWarning[] }>;
  }
}
