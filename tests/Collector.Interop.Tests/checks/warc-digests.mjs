// usage: node warc-digests.mjs FILE.warc[.gz]...  — warcio.js reads every record of every WARC; each record's
// WARC-Block-Digest (and WARC-Payload-Digest, where present) is recomputed with node's crypto over the bytes warcio
// gives. Prints one JSON object per file: {file, records, types, problems: [...]}.
import { WARCParser } from "warcio";
import fs from "node:fs";
import crypto from "node:crypto";

const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const base32 = (buf) => { let bits = 0, value = 0, out = ""; for (const b of buf) { value = (value << 8) | b; bits += 8; while (bits >= 5) { out += B32[(value >>> (bits - 5)) & 31]; bits -= 5; } } if (bits > 0) out += B32[(value << (5 - bits)) & 31]; return out; };
function matches(declared, bytes) {
  const i = declared.indexOf(":"); const algo = declared.slice(0, i).toLowerCase().replace("-", ""); const value = declared.slice(i + 1);
  const digest = crypto.createHash(algo).update(bytes).digest();
  return value.toLowerCase() === digest.toString("hex") || value.toUpperCase() === base32(digest);
}
async function records(file, parseHttp) {
  const parser = new WARCParser(fs.createReadStream(file), { parseHttp });
  const all = [];
  for await (const record of parser) all.push({ headers: record.warcHeaders.headers, type: record.warcType, bytes: await record.readFully(false) });
  return all;
}
for (const file of process.argv.slice(2)) {
  const problems = [];
  const blocks = await records(file, false);
  const payloads = await records(file, true);
  if (blocks.length === 0) problems.push("no records");
  blocks.forEach((r, n) => {
    const id = r.headers.get("WARC-Record-ID");
    const block = r.headers.get("WARC-Block-Digest");
    if (!block) problems.push(`${id}: no WARC-Block-Digest`);
    else if (!matches(block, r.bytes)) problems.push(`${id}: WARC-Block-Digest does not hold`);
    const payload = r.headers.get("WARC-Payload-Digest");
    if (payload && !matches(payload, payloads[n].bytes)) problems.push(`${id}: WARC-Payload-Digest does not hold`);
  });
  console.log(JSON.stringify({ file, records: blocks.length, types: blocks.map(r => r.type), problems }));
}
