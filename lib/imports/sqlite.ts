import { readFileSync } from "node:fs";
import path from "node:path";
import initSqlJs, { type SqlJsStatic } from "sql.js";

let loading: Promise<SqlJsStatic> | undefined;

/**
 * sql.js (SQLite compiled to WebAssembly), loaded once per process. The .wasm bytes are read from
 * node_modules under the working directory and handed over directly, because inside a bundled Next.js
 * server the library cannot find its own file.
 */
export function loadSqlite(): Promise<SqlJsStatic> {
  loading ??= initSqlJs({
    wasmBinary: new Uint8Array(readFileSync(path.join(process.cwd(), "node_modules", "sql.js", "dist", "sql-wasm.wasm"))).buffer,
  });
  return loading;
}
