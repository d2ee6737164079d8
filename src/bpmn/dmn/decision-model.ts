/**
 * The compiled form of a DMN decision: plain JSON, stored with its version at deploy, evaluated
 * by the pure engine (src/engine/decision-table.ts). Texts are FEEL as DMN 1.3 writes them.
 */
export type HitPolicy =
  'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';

export const HIT_POLICIES: readonly HitPolicy[] = [
  'UNIQUE',
  'FIRST',
  'PRIORITY',
  'ANY',
  'COLLECT',
  'RULE ORDER',
  'OUTPUT ORDER',
];

export type Aggregation = 'SUM' | 'COUNT' | 'MIN' | 'MAX';

export interface DecisionTable {
  kind: 'table';
  hitPolicy: HitPolicy;
  /** COLLECT only: what the matched rules' single output are folded into. */
  aggregation?: Aggregation;
  /** Each input is a FEEL expression, evaluated once over the variables. */
  inputs: { id: string; label?: string; expression: string }[];
  /** Several outputs make each result a context of their names. */
  outputs: {
    id: string;
    name: string;
    label?: string;
    /** The allowed values in priority order, as FEEL literals (PRIORITY and OUTPUT ORDER). */
    values?: string[];
  }[];
  /** Per rule, a unary test per input (`-` for any) and a FEEL expression per output. */
  rules: { id: string; inputEntries: string[]; outputEntries: string[]; description?: string }[];
}

export interface DecisionModel {
  /** The decision's id: the key a business rule task names and versions share. */
  id: string;
  name?: string;
  logic: DecisionTable | { kind: 'literal'; expression: string };
}
