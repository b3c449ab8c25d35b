using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Vk;

/// <summary>VK API <c>{"error":{"error_code","error_msg"}}</c> to a page classification.</summary>
internal static class VkErrors
{
    public static ParseResult Classify(JsonElement error, VkParser parser)
    {
        var code = error.Long("error_code");
        var message = error.Str("error_msg") ?? "error";
        var outcome = code switch
        {
            5 or 15 or 30 or 200 or 203 or 212 => PageOutcome.LoginWall,
            6 or 9 or 29 => PageOutcome.RateLimited,
            14 => PageOutcome.Captcha,
            18 => PageOutcome.Removed,
            19 or 113 or 210 => PageOutcome.NotFound,
            _ => PageOutcome.Unrecognized,
        };
        return ParseResult.Classified(outcome, $"VK API error {code}: {message}", parser.Platform);
    }
}
