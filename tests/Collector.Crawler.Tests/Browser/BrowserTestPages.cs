namespace Collector.Crawler.Tests.Browser;

/// <summary>The HTML of <see cref="BrowserTestSite"/>'s pages.</summary>
internal static class BrowserTestPages
{
    /// <summary>A 1x1 transparent PNG.</summary>
    public static readonly byte[] Pixel = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>No script, but an image that takes a second: DOMContentLoaded comes well before the load event.</summary>
    public const string SlowLoad = """
        <!doctype html><html><head><title>Slow load</title></head>
        <body><main><article><h1>A page without script</h1><img src="/slow-pixel.png" alt="">
        <p>Server-rendered text whose image arrives late, so the document is interactive a second before it is complete.</p>
        </article></main></body></html>
        """;

    public static string Static(int n) => $"""
        <!doctype html><html><head><title>Static {n}</title></head>
        <body><main><article><h1>Static page {n}</h1>
        <p>Plain server-rendered text that needs no script at all. The archive reads it over plain HTTP, as researchers expect.</p>
        <p>A second paragraph of ordinary prose, long enough for a readability reader to take it as the page's main text.</p>
        <p>A third paragraph closes the article, so that the page is clearly content and never mistaken for a shell.</p>
        </article></main></body></html>
        """;

    /// <summary>Content that exists only after a script ran (and a JSON request it made).</summary>
    public const string ScriptInserted = """
        <!doctype html><html><head><title>Script</title></head><body>
        <main id="app">Loading…</main>
        <script>
        setTimeout(async () => {
          const r = await fetch('/api/post/js1');
          const data = await r.json();
          const a = document.createElement('article');
          a.className = 'post';
          a.textContent = 'Inserted by script: ' + data.text;
          document.getElementById('app').replaceChildren(a);
          a.dataset.rendered = '1';
        }, 50);
        </script></body></html>
        """;

    /// <summary>Shaped like the shared bench site's post pages: a body rendered by script from embedded state.</summary>
    public static string BenchLike(int n) => BenchLike(n, $$$"""{"post":{"id":"p{{{n}}}","title":"Title {{{n}}}","text":"{{{string.Join(' ', Enumerable.Repeat("word", 200))}}}"}}""");

    private static string BenchLike(int n, string state) => $$"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post {{n}}</title></head><body>
        <main id="app"><div class="skeleton">Loading…</div></main>
        <script id="__STATE__" type="application/json">{{state}}</script>
        <script>
        addEventListener('DOMContentLoaded', () => setTimeout(() => {
          const s = JSON.parse(document.getElementById('__STATE__').textContent).post;
          const a = document.createElement('article');
          a.dataset.postId = s.id;
          a.innerHTML = '<h1></h1><div class="body"></div>';
          a.querySelector('h1').textContent = s.title;
          a.querySelector('.body').textContent = s.text;
          const m = document.getElementById('app'); m.innerHTML = ''; m.appendChild(a);
          a.dataset.rendered = '1';
        }, 30));
        </script></body></html>
        """;

    /// <summary>A JavaScript application shell: nothing to read without running its script.</summary>
    public static string Shell(string id) => $$"""
        <!doctype html><html><head><title>App</title><script>window.__APP__ = { route: 'post', version: '1.2.3', build: 'a1b2c3d4e5f6', flags: { a: 1, b: 2, c: 3 } };</script></head>
        <body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript>
        <script>
        fetch('/api/post/{{id}}').then(r => r.json()).then(d => {
          document.getElementById('root').innerHTML =
            '<article><h1>Post ' + d.id + '</h1><p>' + d.text + ' ' + d.text + ' ' + d.text + '</p></article>';
        });
        </script></body></html>
        """;

    /// <summary>An infinite feed: 10 items, then 10 more fetched as JSON each time the sentinel scrolls into view.</summary>
    public const string Feed = """
        <!doctype html><html><head><title>Feed</title><style>.item{height:300px;border:1px solid #ccc}</style></head><body>
        <div id="feed"></div><div id="sentinel">more…</div>
        <script>
        let page = 0, loading = false, done = false;
        async function load() {
          if (loading || done) return;
          loading = true;
          const r = await fetch('/api/items?page=' + page);
          const data = await r.json();
          for (const it of data.items) {
            const d = document.createElement('div'); d.className = 'item'; d.textContent = it.text; document.getElementById('feed').appendChild(d);
          }
          if (data.items.length < 10) done = true;
          page++; loading = false;
        }
        load();
        new IntersectionObserver(es => { if (es.some(e => e.isIntersecting)) load(); }).observe(document.getElementById('sentinel'));
        </script></body></html>
        """;

    /// <summary>A feed grown by a "load more" button (removed when the feed is exhausted).</summary>
    public const string LoadMore = """
        <!doctype html><html><head><title>More</title></head><body>
        <div id="feed"></div><button id="more">Load more</button>
        <script>
        let page = 0;
        async function load() {
          const r = await fetch('/api/items?page=' + page++);
          const data = await r.json();
          for (const it of data.items) {
            const d = document.createElement('div'); d.className = 'item'; d.textContent = it.text; document.getElementById('feed').appendChild(d);
          }
          if (data.items.length < 10) document.getElementById('more').remove();
        }
        load();
        document.getElementById('more').addEventListener('click', load);
        </script></body></html>
        """;

    /// <summary>A font, a video and an image: the first two blocked by default, the image not.</summary>
    public const string Stylesheet = "p { color: rgb(1, 2, 3); }";

    public const string Script = "document.documentElement.dataset.scripted = 'yes';";

    public const string Assets = """
        <!doctype html><html><head><title>Assets</title>
        <style>@font-face { font-family: Test; src: url(/font.woff2) format('woff2'); } body { font-family: Test, sans-serif; }</style>
        <link rel="stylesheet" href="/site.css"><script src="/site.js"></script>
        </head><body><p>Text in a web font.</p>
        <video src="/clip.mp4" autoplay muted preload="auto"></video>
        <img src="/pixel.png" alt="pixel">
        </body></html>
        """;

    /// <summary>Every kind of dialog, a pop-up and a beforeunload handler; its content appears after them.</summary>
    public const string Dialogs = """
        <!doctype html><html><head><title>Dialogs</title></head><body>
        <main id="app"></main>
        <script>
        addEventListener('beforeunload', e => { e.preventDefault(); e.returnValue = 'stay?'; });
        alert('hello');
        const ok = confirm('continue?');
        const name = prompt('name?', 'x');
        window.open('/static/99', '_blank');
        document.getElementById('app').innerHTML = '<article data-rendered="1">after dialogs ' + ok + ' ' + name + '</article>';
        </script></body></html>
        """;

    /// <summary>A script that never returns: the page never reaches DOMContentLoaded.</summary>
    /// <summary>A page whose script never arrives: the document is there, the load never completes.</summary>
    public const string HangingResource = """
        <!doctype html><html><head><title>Hanging resource</title></head><body><p>before</p>
        <script src="/never.js"></script><p>after</p></body></html>
        """;

    public const string Hang = """
        <!doctype html><html><head><title>Hang</title></head><body><p>before</p>
        <script>while (true) {}</script><p>after</p></body></html>
        """;
}
