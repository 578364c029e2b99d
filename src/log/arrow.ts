// The event log as an Arrow IPC file (`events.arrow`, `--format arrow`): one row per record, the
// columns of arrow-columns.ts, in record batches of 65,536 rows. It opens as a table in pandas
// (`pyarrow.ipc.open_file(...).read_pandas()`), polars (`pl.read_ipc`) and DuckDB (`read_arrow`
// in its arrow extension), with one column per field, null where a record has no such field.
// apache-arrow is loaded only when a log is written this way.

import type { Data, DataType } from 'apache-arrow';
import { type ColumnKind, type LogColumn, logColumns } from './arrow-columns.ts';
import type { LogRecord } from './records.ts';

/** Rows per record batch: large enough for columnar reads, small enough for the builders. */
export const BATCH_ROWS = 65_536;

type Arrow = typeof import('apache-arrow');

function arrowType(arrow: Arrow, kind: ColumnKind): DataType {
  switch (kind) {
    case 'number':
      return new arrow.Float64();
    case 'boolean':
      return new arrow.Bool();
    case 'string':
    case 'json':
      return new arrow.Utf8();
  }
}

/** A record's value for a column: as it is, as JSON text for a json column, null if absent. */
function cell(record: LogRecord, column: LogColumn): number | string | boolean | null {
  const value = (record as unknown as Record<string, unknown>)[column.name];
  if (value === undefined || value === null) return null;
  return column.kind === 'json' ? JSON.stringify(value) : (value as number | string | boolean);
}

/**
 * The Arrow IPC file of an event log's records: one row per record, the columns of every log (`t`,
 * `type`, then every field the log's schema names), null where a record has no such field, lists
 * and objects as JSON text. Write the bytes to `events.arrow`; pandas, polars and DuckDB read it.
 */
export async function logToArrow(records: readonly LogRecord[]): Promise<Uint8Array> {
  const arrow = await import('apache-arrow');
  const columns = logColumns();
  const schema = new arrow.Schema(
    columns.map((c) => new arrow.Field(c.name, arrowType(arrow, c.kind), true)),
  );
  const writer = new arrow.RecordBatchFileWriter();
  writer.reset(undefined, schema);
  for (let from = 0; from < records.length; from += BATCH_ROWS) {
    const to = Math.min(records.length, from + BATCH_ROWS);
    const children = columns.map((column) => {
      const values: Array<number | string | boolean | null> = [];
      for (let i = from; i < to; i++) values.push(cell(records[i] as LogRecord, column));
      return arrow.vectorFromArray(values, arrowType(arrow, column.kind)).data[0] as Data;
    });
    const data = arrow.makeData({
      type: new arrow.Struct(schema.fields),
      length: to - from,
      nullCount: 0,
      children,
    });
    writer.write(new arrow.RecordBatch(schema, data));
  }
  writer.finish();
  return writer.toUint8Array(true);
}
