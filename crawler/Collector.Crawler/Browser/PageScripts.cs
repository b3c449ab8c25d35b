namespace Collector.Crawler.Browser;

/// <summary>The scripts run inside pages: each does its waiting in the page, so one step costs one round trip.</summary>
internal static class PageScripts
{
    /// <summary>
    /// Resolves "selector" once the selector matches, "quiet" once the document has loaded and nothing in the DOM changed
    /// for quietMs (at once, as soon as it has loaded, for a page without scripts or frames: nothing can change it; such a
    /// page reached at DOMContentLoaded is not kept waiting a quiet period), "cap" after capMs.
    /// Argument: [selector or null, quietMs, capMs].
    /// </summary>
    public const string WaitReady = """
        ([sel, quietMs, capMs]) => new Promise(resolve => {
          const found = () => { try { return !!(sel && document.querySelector(sel)); } catch { return false; } };
          if (found()) { resolve('selector'); return; }
          const inert = () => document.readyState === 'complete' && document.scripts.length === 0 && window.frames.length === 0;
          if (inert()) { resolve('quiet'); return; }
          const start = performance.now();
          let last = start, timer = 0, obs = null;
          const done = r => { if (obs) obs.disconnect(); clearInterval(timer); resolve(r); };
          obs = new MutationObserver(() => { last = performance.now(); if (found()) done('selector'); });
          obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          timer = setInterval(() => {
            const now = performance.now();
            if (found()) done('selector');
            else if (inert()) done('quiet');
            else if (document.readyState === 'complete' && now - last >= quietMs) done('quiet');
            else if (now - start >= capMs) done('cap');
          }, 40);
        })
        """;

    /// <summary>
    /// One autoscroll step: clicks the "load more" button when one is shown, scrolls to the bottom, then waits up to
    /// waitMs for the feed to grow. Returns { before, after, clicked }. Growth is counted in items when an item selector is
    /// given, else in scroll height. Argument: [itemSelector or null, loadMoreSelector or null, waitMs].
    /// </summary>
    public const string ScrollStep = """
        async ([itemSel, moreSel, waitMs]) => {
          const root = document.scrollingElement || document.documentElement;
          const count = () => itemSel ? document.querySelectorAll(itemSel).length : root.scrollHeight;
          // a rendered frame (or 100 ms where frames stall), so layout and IntersectionObservers see the last change
          const frame = () => new Promise(r => { requestAnimationFrame(() => r()); setTimeout(r, 100); });
          const before = count();
          let clicked = false;
          if (moreSel) {
            const b = document.querySelector(moreSel);
            if (b && !b.disabled && b.getClientRects().length > 0) { b.scrollIntoView({ block: 'center' }); b.click(); clicked = true; }
          }
          // step back a screen, then to the bottom: a feed's sentinel leaves and re-enters the viewport, so observers fire
          window.scrollTo(0, Math.max(0, root.scrollHeight - 2 * innerHeight));
          await frame();
          window.scrollTo(0, root.scrollHeight);
          // a page too short to scroll gets no scroll event of its own: feeds that listen for one still hear it
          window.dispatchEvent(new Event('scroll'));
          const t0 = performance.now();
          while (performance.now() - t0 < waitMs) {
            await new Promise(r => setTimeout(r, 50));
            if (count() > before) break;
          }
          await frame();
          return { before, after: count(), clicked };
        }
        """;
}
