#!/usr/bin/env python3
"""Independent structural check of a WACZ (stdlib only, shares no code with Collector):
zip layout, datapackage hashes and digest, pages.jsonl, every CDXJ line followed to its gzip member in the WARC,
WARC 1.1 record syntax, Content-Length, and sha256 block/payload digests. Prints 'ok N pages M records' or the problems."""
import gzip, hashlib, io, json, sys, zipfile

def parse_record(data):
    head, sep, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("utf-8").split("\r\n")
    assert lines[0] == "WARC/1.1", lines[0]
    fields = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        fields[k.strip().lower()] = v.strip()
    n = int(fields["content-length"])
    block, tail = rest[:n], rest[n:n + 4]
    assert tail == b"\r\n\r\n", "record not terminated by CRLFCRLF"
    return fields, block, len(head) + 4 + n + 4

def digest(b):
    return "sha256:" + hashlib.sha256(b).hexdigest()

def main(path):
    problems = []
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    for need in ["datapackage.json", "datapackage-digest.json", "pages/pages.jsonl", "indexes/index.cdxj", "archive/data.warc.gz"]:
        if need not in names:
            problems.append("missing " + need)
    for info in z.infolist():
        if info.filename.endswith(".warc.gz") and info.compress_type != zipfile.ZIP_STORED:
            problems.append(info.filename + " is compressed in the zip (must be stored for range reads)")
    dp_bytes = z.read("datapackage.json")
    dp = json.loads(dp_bytes)
    if dp.get("profile") != "data-package" or dp.get("wacz_version") != "1.1.1":
        problems.append("datapackage profile/version wrong")
    listed = set()
    for r in dp["resources"]:
        listed.add(r["path"])
        b = z.read(r["path"])
        if r["hash"] != digest(b): problems.append("hash mismatch " + r["path"])
        if r["bytes"] != len(b): problems.append("size mismatch " + r["path"])
    for n in names - listed - {"datapackage.json", "datapackage-digest.json"}:
        problems.append("file not in datapackage: " + n)
    dd = json.loads(z.read("datapackage-digest.json"))
    if dd.get("path") != "datapackage.json" or dd.get("hash") != digest(dp_bytes):
        problems.append("datapackage-digest.json does not match datapackage.json")
    lines = z.read("pages/pages.jsonl").decode().splitlines()
    header = json.loads(lines[0])
    if header.get("format") != "json-pages-1.0": problems.append("pages.jsonl header format")
    pages = [json.loads(l) for l in lines[1:] if l.strip()]
    warc = z.read("archive/data.warc.gz")
    cdx = [l for l in z.read("indexes/index.cdxj").decode().splitlines() if l.strip()]
    if cdx != sorted(cdx): problems.append("CDXJ not sorted")
    indexed = {}
    revisits, originals = [], {}
    for line in cdx:
        key, ts, js = line.split(" ", 2)
        j = json.loads(js)
        off, ln = int(j["offset"]), int(j["length"])
        member = warc[off:off + ln]
        d = zlib_one(member)
        fields, block, used = parse_record(d)
        if used != len(d): problems.append("member at %d holds more than one record" % off)
        if fields.get("warc-target-uri") != j["url"]: problems.append("offset %d holds %s not %s" % (off, fields.get("warc-target-uri"), j["url"]))
        if fields.get("warc-block-digest") != digest(block): problems.append("block digest " + j["url"])
        payload = block.split(b"\r\n\r\n", 1)[1] if fields.get("content-type", "").startswith("application/http") else block
        if fields.get("warc-type") == "revisit":
            # identical-payload-digest: the payload is the referred record's, found through the index
            if fields.get("warc-profile") != "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest": problems.append("revisit profile " + j["url"])
            if payload: problems.append("revisit carries a payload " + j["url"])
            if j.get("mime") != "warc/revisit": problems.append("revisit not indexed as warc/revisit " + j["url"])
            revisits.append((j["url"], fields))
        elif fields.get("warc-payload-digest") != digest(payload): problems.append("payload digest " + j["url"])
        else: originals[(fields.get("warc-target-uri"), fields.get("warc-date"))] = fields.get("warc-payload-digest")
        if j.get("digest") != fields.get("warc-payload-digest"): problems.append("cdxj digest differs " + j["url"])
        if len(ts) != 14 or not ts.isdigit(): problems.append("bad timestamp " + ts)
        indexed.setdefault(j["url"], []).append(fields.get("warc-type"))
    for url, f in revisits:
        if originals.get((f.get("warc-refers-to-target-uri"), f.get("warc-refers-to-date"))) != f.get("warc-payload-digest"):
            problems.append("revisit of %s refers to no indexed record with its payload digest" % url)
    for p in pages:
        for k in ("id", "url", "ts"):
            if k not in p: problems.append("page lacks " + k)
        if not {"response", "revisit"} & set(indexed.get(p["url"], [])): problems.append("page not in index: " + p["url"])
    # the WARC as a whole: concatenated members parse record by record
    whole = gzip.decompress(warc)
    count = 0
    while whole:
        fields, block, used = parse_record(whole)
        whole = whole[used:]
        count += 1
    if problems:
        print("\n".join(problems)); return 1
    print("ok %d pages %d records" % (len(pages), count)); return 0

def zlib_one(member):
    import zlib
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(member)
    assert d.eof and not d.unused_data, "index length does not span exactly one gzip member"
    return out

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
