using Collector.Simulator.Hosting;
using Collector.Simulator.World;
using Microsoft.AspNetCore.Http;

namespace Collector.Simulator.Sites.Telegram;

/// <summary>
/// The simulated t.me host: <c>/s/{channel}</c> (the newest page; <c>?before=N</c> for older ones), <c>/{channel}/{N}</c>
/// (one message, "Post not found" once deleted). Deleted messages drop out of the feed, as on Telegram.
/// </summary>
public sealed class TelegramSite(SimContext sim) : ISimSite
{
    public SimPlatform Platform => SimPlatform.Telegram;

    public string Robots => "User-agent: *\nDisallow: /private/\n";

    public Task HandleAsync(HttpContext context)
    {
        var s = HttpWrite.Segments(context);
        var state = sim.World.State;
        switch (s)
        {
            case ["s", var channel] when Title(state, channel) is { } title:
            {
                var before = int.TryParse(context.Request.Query["before"], out var b) ? b : int.MaxValue;
                var live = state.InCommunity(SimPlatform.Telegram, channel).Where(m => m.IsLive && TelegramNumbering.Number(m.Id) < before).ToList();
                var page = live.Take(sim.Options.PageSize).Reverse().ToList();
                int? older = live.Count > page.Count ? TelegramNumbering.Number(page[0].Id) : null;
                return HttpWrite.Html(context, TelegramHtml.ChannelPage(sim, channel, title, page, older));
            }

            case [var channel, var number] when Title(state, channel) is { } title && int.TryParse(number, out _):
                return HttpWrite.Html(context, TelegramHtml.MessagePage(sim, channel, title, state.Find(SimPlatform.Telegram, $"{channel}/{number}")));
            case [var channel] when Title(state, channel) is { } title:
                return HttpWrite.Html(context, TelegramHtml.MessagePage(sim, channel, title, null));
            default:
                return HttpWrite.NotFoundHtml(context);
        }
    }

    private static string? Title(WorldState state, string channel) =>
        state.Account(SimPlatform.Telegram, channel)?.DisplayName;
}
