// Opens a WACZ in ReplayWeb.page (embed <replay-web-page>, served from loopback) in headless Chromium and
// prints what the replayed page shows, and which of its images rendered (naturalWidth > 0).
// Usage: node replay.js SITE_DIR PAGE_URL [TEXT_EXPECTED [MIN_IMAGES_RENDERED [SCROLL]]]
// SCROLL=1 scrolls the replayed page to its end every second while waiting for TEXT_EXPECTED (a feed that pages in more).
// REPLAY_TEXT_CHARS (default 300) is how much of the replayed text is printed.
const puppeteer = require("puppeteer-core");
const http = require("http"); const fs = require("fs"); const path = require("path");
const [dir, pageUrl, expected, minImages, scroll] = process.argv.slice(2); // dir: the site folder holding ui.js, replay/sw.js and x.wacz
const types = { ".js": "application/javascript", ".html": "text/html", ".wacz": "application/octet-stream" };
const server = http.createServer((req, res) => {
  if (process.env.REPLAY_DEBUG) console.log("GET", req.url.slice(0, 120), req.headers.range || "");
  let p = path.join(dir, decodeURIComponent(req.url.split("?")[0]));
  if (fs.existsSync(p) && fs.statSync(p).isDirectory()) p = path.join(p, "index.html");
  if (!fs.existsSync(p)) { if (process.env.REPLAY_DEBUG) console.log("404", req.url); res.writeHead(404); return res.end(); }
  const size = fs.statSync(p).size; const range = req.headers.range;
  const headers = { "Content-Type": types[path.extname(p)] || "application/octet-stream", "Accept-Ranges": "bytes" };
  if (range) {
    const [s, e] = range.replace("bytes=", "").split("-"); const start = s === "" ? Math.max(0, size - +e) : +s, end = s === "" || e === "" ? size - 1 : Math.min(+e, size - 1);
    res.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${end}/${size}`, "Content-Length": end - start + 1 });
    return fs.createReadStream(p, { start, end }).pipe(res);
  }
  res.writeHead(200, { ...headers, "Content-Length": size }); fs.createReadStream(p).pipe(res);
}).listen(0, "127.0.0.1", async () => {
  const port = server.address().port;
  fs.writeFileSync(path.join(dir, "embed.html"),
    `<!doctype html><html><body><script src="/ui.js"></script>` +
    `<replay-web-page style="height:600px;display:block" source="http://127.0.0.1:${port}/x.wacz" url="${pageUrl}" replayBase="/replay/" embed="replayonly"></replay-web-page></body></html>`);
  const browser = await puppeteer.launch({ executablePath: "/usr/lib/chromium/chromium", headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });
  let code = 1;
  try {
    const page = await browser.newPage();
    page.on("console", m => { if (m.type() === "error") console.log("console:", m.text()); });
    if (process.env.REPLAY_DEBUG) { page.on("requestfailed", r => console.log("failed:", r.url().slice(0, 150), r.failure() && r.failure().errorText)); page.on("response", r => { if (r.status() >= 400) console.log("status", r.status(), r.url().slice(0, 200)); }); }
    await page.goto(`http://127.0.0.1:${port}/embed.html`);
    for (let i = 0; i < 60; i++) {
      await new Promise(r => setTimeout(r, 1000));
      for (const f of page.frames()) {
        try {
          if (scroll === "1" && f.url().includes("/replay/w/")) await f.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
          const text = await f.evaluate(() => document.body ? document.body.innerText : "");
          if (f.url().includes("/replay/w/") && text.trim().length > 0 && (!expected || text.includes(expected) || i > 20)) {
            console.log("frame:", f.url()); console.log("text:", text.slice(0, +(process.env.REPLAY_TEXT_CHARS || 300)).replace(/\n/g, " | "));
            code = expected && !text.includes(expected) ? 2 : 0;
            let images = [];
            for (let w = 0; w < 20; w++) { // images load after the text: wait until every one has finished, or 10 s
              images = await f.evaluate(() => Array.from(document.images).map(i => ({ src: i.currentSrc || i.src, w: i.naturalWidth, done: i.complete })));
              if (images.every(m => m.done)) break;
              await new Promise(r => setTimeout(r, 500));
            }
            const rendered = images.filter(m => m.w > 0).length;
            console.log(`images: ${rendered} of ${images.length} rendered`); images.forEach(m => console.log("image:", m.w, m.src.slice(0, 160)));
            if (code === 0 && minImages && rendered < +minImages) code = 3;
            i = 99; break;
          }
        } catch (e) { }
      }
    }
    await page.screenshot({ path: path.join(dir, "replay.png") });
  } finally { await browser.close(); server.close(); }
  if (code === 1) console.log("no replayed frame with text within 60 s");
  process.exit(code);
});
