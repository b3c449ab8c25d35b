// usage: node duckdb.mjs QUERIES.json  — runs each SQL statement of the JSON array in one in-memory DuckDB and prints a
// JSON array with, for each, {"rows": [...]} (values as DuckDB's JSON form) or {"error": "..."}.
import { DuckDBInstance } from "@duckdb/node-api";
import fs from "node:fs";
const queries = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const db = await (await DuckDBInstance.create(":memory:")).connect();
const out = [];
for (const sql of queries) {
  try { out.push({ rows: (await db.runAndReadAll(sql)).getRowObjectsJson() }); }
  catch (e) { out.push({ error: String(e.message ?? e) }); }
}
process.stdout.write(JSON.stringify(out));
