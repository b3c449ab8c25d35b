namespace Collector.Model;

/// <summary>How a page is fetched: plain HTTP, a real browser, or HTTP first and the browser where needed.</summary>
public enum RenderMode
{
    Http,
    Browser,
    Auto,
}
