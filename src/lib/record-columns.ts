// A list of records stored as columns (one array per field) rather than as
// objects: JSON.parse reads arrays of strings and numbers several times faster
// than 35,000 objects, and the viewer builds a record only when it is read.
// Shared by the build (writes the territory indexes) and the viewer (reads them).

export const COLUMNS_FORMAT = 'record-columns/1';

/** A field value: a primitive, a list of primitives, or one level of named primitives. */
type Leaf = string | number | boolean | null;
type FieldValue = Leaf | readonly Leaf[] | Readonly<Record<string, Leaf>>;

export interface RecordColumns {
  readonly format: typeof COLUMNS_FORMAT;
  readonly count: number;
  /** Field → one value per record (null = absent). Nested objects are split on "."; `parents.epci`. */
  readonly columns: Readonly<Record<string, readonly unknown[]>>;
  /** Fields that are nested objects (their columns are `field.key`). */
  readonly nested: readonly string[];
  /** Fields every record has: their nulls are values (`population: null`), elsewhere null is absence. */
  readonly always: readonly string[];
}

const isPlainObject = (v: unknown): v is Record<string, Leaf> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Records → columns. Every record's fields are kept; a field a record lacks is null in its column. */
export function toColumns(records: readonly object[]): RecordColumns {
  const columns: Record<string, unknown[]> = {};
  const nested = new Set<string>();
  const seen = new Map<string, number>();
  const column = (name: string): unknown[] => (columns[name] ??= new Array<unknown>(records.length).fill(null));
  records.forEach((record, i) => {
    for (const [field, value] of Object.entries(record as Record<string, FieldValue | undefined>)) {
      if (value === undefined) continue;
      seen.set(field, (seen.get(field) ?? 0) + 1);
      if (isPlainObject(value)) {
        nested.add(field);
        for (const [key, leaf] of Object.entries(value)) if (leaf !== undefined) column(`${field}.${key}`)[i] = leaf;
        // An empty object is still an object: keep the field present for that record.
        column(field)[i] = true;
      } else {
        column(field)[i] = value;
      }
    }
  });
  const always = [...seen].filter(([, n]) => n === records.length).map(([field]) => field);
  return { format: COLUMNS_FORMAT, count: records.length, columns, nested: [...nested].sort(), always: always.sort() };
}

export function isRecordColumns(value: unknown): value is RecordColumns {
  return isPlainObject(value) && (value as { format?: unknown }).format === COLUMNS_FORMAT;
}

/**
 * Columns read as a map from a key field to records, built on first read and kept.
 * Iteration order is the file's order. Read-only, like the Map it stands for.
 */
export class ColumnarRecords<T extends object> implements ReadonlyMap<string, T> {
  private readonly rowOf = new Map<string, number>();
  private readonly built: (T | undefined)[];
  private readonly plain: string[];
  private readonly always: Set<string>;
  private readonly nestedKeys: Map<string, string[]>;

  constructor(
    private readonly data: RecordColumns,
    keyField: string,
  ) {
    const keys = data.columns[keyField];
    if (!keys) throw new Error(`columns: no key field "${keyField}"`);
    keys.forEach((k, i) => this.rowOf.set(String(k), i));
    this.built = new Array<T | undefined>(data.count);
    const nested = new Set(data.nested);
    this.nestedKeys = new Map([...nested].map((n) => [n, [] as string[]]));
    this.plain = [];
    this.always = new Set(data.always);
    for (const name of Object.keys(data.columns)) {
      const dot = name.indexOf('.');
      const owner = dot > 0 ? name.slice(0, dot) : null;
      if (owner !== null && nested.has(owner)) this.nestedKeys.get(owner)!.push(name.slice(dot + 1));
      else this.plain.push(name);
    }
  }

  get size(): number {
    return this.data.count;
  }

  has(key: string): boolean {
    return this.rowOf.has(key);
  }

  get(key: string): T | undefined {
    const row = this.rowOf.get(key);
    return row === undefined ? undefined : this.at(row);
  }

  /** The record of row `row` (file order). */
  at(row: number): T {
    const done = this.built[row];
    if (done) return done;
    const record: Record<string, unknown> = {};
    const { columns } = this.data;
    for (const name of this.plain) {
      const v = columns[name]![row];
      if (v === null || v === undefined) {
        if (this.always.has(name)) record[name] = null;
        continue;
      }
      const keys = this.nestedKeys.get(name);
      if (keys) {
        const obj: Record<string, unknown> = {};
        for (const k of keys) {
          const leaf = columns[`${name}.${k}`]![row];
          if (leaf !== null && leaf !== undefined) obj[k] = leaf;
        }
        record[name] = obj;
      } else record[name] = v;
    }
    const made = record as T;
    this.built[row] = made;
    return made;
  }

  *keys(): MapIterator<string> {
    yield* this.rowOf.keys();
  }

  *values(): MapIterator<T> {
    for (let i = 0; i < this.data.count; i++) yield this.at(i);
  }

  *entries(): MapIterator<[string, T]> {
    for (const [key, row] of this.rowOf) yield [key, this.at(row)];
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }

  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
}
