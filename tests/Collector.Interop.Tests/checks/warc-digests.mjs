// usage: node warc-digests.mjs FILE.warc[.gz]...  — warcio.js reads every record of every WARC; each record's
// WARC-Block-Digest (and WARC-Payload-Digest, where present) is recomputed with node's crypto over the bytes warcio
// gives; a revisit's payload digest must be that of the earlier record it refers to. Prints one JSON object per file:
// {file, records, revisits, types, problems: [...]}.
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
  const byId = new Map();
  let revisits = 0;
  blocks.forEach((r, n) => {
    const id = r.headers.get("WARC-Record-ID");
    if (r.type === "revisit") {
      // identical-payload-digest: the payload is an earlier record's, named by WARC-Refers-To (and its target URI and date)
      revisits++;
      const original = byId.get(r.headers.get("WARC-Refers-To"));
      if (r.headers.get("WARC-Profile") !== "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest") problems.push(`${id}: revisit profile ${r.headers.get("WARC-Profile")}`);
      else if (!original) problems.push(`${id}: revisit refers to no earlier record`);
      else if (original.headers.get("WARC-Payload-Digest") !== r.headers.get("WARC-Payload-Digest")
        || original.headers.get("WARC-Target-URI") !== r.headers.get("WARC-Refers-To-Target-URI")
        || original.headers.get("WARC-Date") !== r.headers.get("WARC-Refers-To-Date")) problems.push(`${id}: revisit does not match the record it refers to`);
    }
    byId.set(id, r);
    const block = r.headers.get("WARC-Block-Digest");
    if (!block) problems.push(`${id}: no WARC-Block-Digest`);
    else if (!matches(block, r.bytes)) problems.push(`${id}: WARC-Block-Digest does not hold`);
    const payload = r.headers.get("WARC-Payload-Digest");
    if (payload && r.type !== "revisit" && !matches(payload, payloads[n].bytes)) problems.push(`${id}: WARC-Payload-Digest does not hold`);
  });
  console.log(JSON.stringify({ file, records: blocks.length, revisits, types: blocks.map(r => r.type), problems }));
}
