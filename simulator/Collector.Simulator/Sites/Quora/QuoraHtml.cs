using System.Text.Json;
using System.Text.Json.Nodes;
using static System.Net.WebUtility;

namespace Collector.Simulator.Sites.Quora;

/// <summary>
/// Quora's page shell: no answer text in the markup; inline scripts push the GraphQL result into
/// <c>window.ansFrontendGlobals.data.inlineQueryResults.results["&lt;hash&gt;"]</c> as a JSON string (so the JSON is encoded
/// twice), and a script renders it and fetches further answers by XHR as the reader scrolls.
/// </summary>
public static class QuoraHtml
{
    public static string Page(string title, string canonical, string hash, JsonObject result, string rootClsKey, long? qid, bool scroll)
    {
        var pushed = JsonSerializer.Serialize(result.ToJsonString());
        var hashJs = JsonSerializer.Serialize(hash);
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{{HtmlEncode(title)}} - Quora</title>
            <link rel="canonical" href="{{HtmlEncode(canonical)}}">
            <meta property="og:title" content="{{HtmlEncode(title)}}">
            <meta property="og:site_name" content="Quora">
            </head>
            <body>
            <div id="root"><div class="q-box qu-minHeight--100vh"><div class="q-box puppeteer_test_question_main" id="mainContent"></div><div id="scrollSentinel" class="q-box" style="height:1px"></div></div></div>
            <script type="text/javascript">
             window.ansFrontendGlobals = window.ansFrontendGlobals || {};window.ansFrontendGlobals.earlySettings = {"interfaceLanguageCode": "en", "rootClsKey": "{{rootClsKey}}", "rootQueryVariables": {"qid": {{(qid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null")}}}, "inlineQueryEnabled": true, "inlineQueryHashes": {{{hashJs}}: true} };
            </script>
            <script type="text/javascript">
             window.ansFrontendGlobals = window.ansFrontendGlobals || {};
            window.ansFrontendGlobals.data = window.ansFrontendGlobals.data || {};
            window.ansFrontendGlobals.data.inlineQueryResults = window.ansFrontendGlobals.data.inlineQueryResults || {};
            window.ansFrontendGlobals.data.inlineQueryResults.results = window.ansFrontendGlobals.data.inlineQueryResults.results || {};
            window.ansFrontendGlobals.data.inlineQueryResults.next = window.ansFrontendGlobals.data.inlineQueryResults.next || {};
            window.ansFrontendGlobals.data.inlineQueryResults.results[{{hashJs}}] = {{pushed}}; window.ansFrontendGlobals.data.inlineQueryResults.next[{{hashJs}}] && window.ansFrontendGlobals.data.inlineQueryResults.next[{{hashJs}}]();
            </script>
            <script type="text/javascript">
            {{Renderer(hashJs, scroll)}}
            </script>
            </body>
            </html>
            """;
    }

    private static string Renderer(string hashJs, bool scroll) => $$"""
        (function () {
          const main = document.getElementById('mainContent');
          const text = s => JSON.parse(s).sections.map(x => x.spans.map(y => y.text).join('')).join('\n\n');
          const esc = t => t.replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'})[c]);
          function answer(a) {
            const d = document.createElement('div');
            d.className = 'q-box dom_annotate_question_answer_item';
            d.dataset.aid = a.aid;
            const n = a.author.names[0];
            const when = new Date(a.creationTime / 1000).toISOString();
            d.innerHTML = '<div class="q-box spacing_log_answer_header"><a class="q-box qu-cursor--pointer" href="' + a.author.profileUrl + '">' + esc(n.givenName + ' ' + n.familyName) + '</a>' +
              ' <a class="answer_timestamp" href="' + a.permaUrl + '"><time datetime="' + when + '">Answered ' + when.slice(0, 10) + '</time></a></div>' +
              '<div class="q-box spacing_log_answer_content puppeteer_test_answer_content"><div class="q-text qu-wordBreak--break-word">' +
              text(a.content).split('\n\n').map(p => '<p class="q-text">' + esc(p) + '</p>').join('') + '</div></div>';
            main.appendChild(d);
          }
          const data = JSON.parse(window.ansFrontendGlobals.data.inlineQueryResults.results[{{hashJs}}]).data;
          if (data.answer) { answer(data.answer); main.dataset.rendered = '1'; return; }
          const q = data.question;
          const h = document.createElement('h1'); h.className = 'q-text puppeteer_test_question_title'; h.textContent = text(q.title); main.before(h);
          q.pagedListDataConnection.edges.forEach(e => answer(e.node.answer));
          let info = q.pagedListDataConnection.pageInfo, loading = false;
          main.dataset.rendered = '1';
          if (!{{(scroll ? "true" : "false")}}) return;
          async function more() {
            if (loading || !info.hasNextPage) return;
            loading = true;
            const r = await fetch('/graphql/gql_para_POST?q={{QuoraJson.PaginationQuery}}', { method: 'POST', headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ queryName: '{{QuoraJson.PaginationQuery}}', variables: { qid: q.qid, first: 3, after: info.endCursor }, extensions: { hash: {{hashJs}} } }) });
            const page = (await r.json()).data.question.pagedListDataConnection;
            page.edges.forEach(e => answer(e.node.answer));
            info = page.pageInfo; loading = false;
            if (!info.hasNextPage) main.dataset.complete = '1';
            else if (document.getElementById('scrollSentinel').getBoundingClientRect().top < innerHeight) more();
          }
          new IntersectionObserver(es => es.forEach(e => { if (e.isIntersecting) more(); })).observe(document.getElementById('scrollSentinel'));
          addEventListener('scroll', () => { if (innerHeight + scrollY >= document.body.scrollHeight - 200) more(); });
          if (!info.hasNextPage) main.dataset.complete = '1';
        })();
        """;
}
