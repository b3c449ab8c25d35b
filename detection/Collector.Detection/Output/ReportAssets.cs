namespace Collector.Detection.Output;

/// <summary>The report's inline stylesheet and script (the page fetches nothing).</summary>
internal static class ReportAssets
{
    public const string Css = """
        :root { --ink:#1c2430; --muted:#5d6b7e; --line:#e3e8ef; --bg:#f5f7fa; --card:#fff; --accent:#c0392b; --accent2:#2563eb; }
        * { box-sizing: border-box; }
        body { margin:0; font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif; color:var(--ink); background:var(--bg); }
        header.top { background:linear-gradient(120deg,#1c2430,#2b3a55); color:#fff; padding:28px 40px 22px; }
        header.top h1 { margin:0 0 4px; font-size:24px; font-weight:650; letter-spacing:.2px; }
        header.top p { margin:0; color:#c9d3e3; }
        nav.toc { display:flex; gap:18px; padding:10px 40px; background:#fff; border-bottom:1px solid var(--line); position:sticky; top:0; z-index:2; }
        nav.toc a { color:var(--ink); text-decoration:none; font-weight:600; }
        nav.toc a:hover { color:var(--accent2); }
        main { max-width:1180px; margin:0 auto; padding:24px 40px 60px; }
        h2 { font-size:20px; margin:34px 0 6px; }
        h2 + p.lead { margin-top:0; color:var(--muted); }
        .cards { display:grid; grid-template-columns:repeat(auto-fill,minmax(160px,1fr)); gap:12px; margin:18px 0; }
        .stat { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:12px 14px; }
        .stat b { display:block; font-size:24px; font-weight:700; }
        .stat span { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.5px; }
        .card { background:var(--card); border:1px solid var(--line); border-radius:12px; padding:16px 18px; margin:14px 0; box-shadow:0 1px 2px rgba(20,30,50,.04); }
        .card h3 { margin:0 0 6px; font-size:16px; display:flex; flex-wrap:wrap; align-items:center; gap:8px; }
        .meta { color:var(--muted); font-size:13px; }
        .chip { display:inline-flex; align-items:center; gap:4px; padding:2px 9px; border-radius:999px; color:#fff; font-size:12px; font-weight:600; }
        .flow { display:flex; flex-wrap:wrap; align-items:center; gap:6px; margin:8px 0; }
        .flow .arrow { color:var(--muted); font-weight:700; }
        .flow small { opacity:.85; font-weight:500; }
        .badge { display:inline-block; padding:1px 8px; border-radius:6px; font-size:12px; font-weight:600; border:1px solid; }
        .badge.shift-pattern { color:#9a3412; border-color:#fdba74; background:#fff7ed; }
        .badge.language-switch { color:#6b21a8; border-color:#d8b4fe; background:#faf5ff; }
        .badge.off-topic-replies { color:#115e59; border-color:#5eead4; background:#f0fdfa; }
        .badge.coordinated { color:#991b1b; border-color:#fca5a5; background:#fef2f2; }
        .badge.m { color:#334155; border-color:#cbd5e1; background:#f8fafc; font-weight:500; }
        table { border-collapse:collapse; width:100%; font-size:13px; }
        th, td { text-align:left; padding:5px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
        th { color:var(--muted); font-weight:600; font-size:12px; text-transform:uppercase; letter-spacing:.4px; }
        td.text { max-width:520px; }
        td.t, .nowrap { white-space:nowrap; }
        code.cmd { font-size:11px; background:#f1f5f9; padding:1px 4px; border-radius:4px; user-select:all; }
        svg .week-cell { stroke:#fff; stroke-width:1; }
        svg .axis-title { font-size:10px; fill:#5d6b7e; }
        svg .node-label { font-size:8px; fill:#334155; }
        details summary { cursor:pointer; color:var(--accent2); font-weight:600; margin-top:6px; }
        a { color:var(--accent2); }
        .row { display:flex; flex-wrap:wrap; gap:18px; align-items:flex-start; }
        .evidence { flex:1 1 380px; min-width:300px; }
        .evidence dl { display:grid; grid-template-columns:max-content 1fr; gap:2px 12px; margin:6px 0; }
        .evidence dt { color:var(--muted); }
        .evidence dd { margin:0; font-weight:600; }
        .quote { border-left:3px solid var(--line); padding:2px 10px; margin:6px 0; color:#334155; }
        .quote .meta { display:block; }
        .pair { display:grid; grid-template-columns:1fr 1fr; gap:10px; }
        .filters { display:flex; gap:8px; flex-wrap:wrap; margin:10px 0; }
        .filters button { border:1px solid var(--line); background:#fff; border-radius:999px; padding:4px 12px; cursor:pointer; font:inherit; }
        .filters button.on { background:var(--ink); color:#fff; border-color:var(--ink); }
        input.search { padding:6px 10px; border:1px solid var(--line); border-radius:8px; width:280px; font:inherit; }
        svg text { font:11px system-ui,sans-serif; }
        svg .lane { stroke:#eef1f5; stroke-width:10; stroke-linecap:round; }
        svg .lane-label { font-weight:700; }
        svg .axis { stroke:#9aa6b5; }
        svg .grid { stroke:#e9edf2; stroke-dasharray:3 3; }
        svg .tick { fill:#7b8798; }
        svg .origin { fill:#fff; stroke-width:3; }
        svg .office { fill:#fff4e5; }
        svg .bar { fill:#3b82f6; }
        svg .bar.weekend { fill:#f59e0b; }
        svg .baseline { fill:none; stroke:#c0392b; stroke-width:1.6; stroke-dasharray:4 2; }
        svg .community { fill:#f8fafc; stroke:#e2e8f0; }
        svg .community-label { fill:#94a3b8; font-weight:700; }
        svg .edge { stroke:#64748b; }
        svg .node { stroke:#fff; stroke-width:1.5; }
        .legend { display:flex; gap:14px; flex-wrap:wrap; font-size:12px; color:var(--muted); }
        .legend i { display:inline-block; width:10px; height:10px; border-radius:50%; margin-right:4px; vertical-align:-1px; }
        footer { color:var(--muted); font-size:12px; margin-top:40px; }
        .hidden { display:none; }
        """;

    public const string Js = """
        (function () {
          var buttons = document.querySelectorAll('.filters button[data-flag]');
          buttons.forEach(function (button) {
            button.addEventListener('click', function () {
              buttons.forEach(function (b) { b.classList.remove('on'); });
              button.classList.add('on');
              var flag = button.getAttribute('data-flag');
              document.querySelectorAll('.account').forEach(function (card) {
                var flags = (card.getAttribute('data-flags') || '').split(' ');
                card.classList.toggle('hidden', flag !== 'all' && flags.indexOf(flag) < 0);
              });
            });
          });
          var search = document.getElementById('chain-search');
          if (search) {
            search.addEventListener('input', function () {
              var q = search.value.toLowerCase();
              document.querySelectorAll('.chain').forEach(function (card) {
                card.classList.toggle('hidden', q.length > 0 && card.textContent.toLowerCase().indexOf(q) < 0);
              });
            });
          }
        })();
        """;
}
