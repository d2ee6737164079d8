/** A table to export: what a metrics query or the tracking book answers, as officers read it. */
export interface ExportTable {
  /** The file name, without extension. */
  name: string;
  /** In Vietnamese, e.g. "SỔ THEO DÕI HỒ SƠ". */
  title: string;
  /** The agency, the period. */
  subtitle: string;
  headers: string[];
  rows: Cell[][];
}

export type Cell = string | number | null;
