using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Generic;

/// <summary>
/// Any site: schema.org JSON-LD, microdata, OpenGraph/Twitter-card meta, then a readability-style main text.
/// </summary>
public sealed class GenericParser : PlatformParser
{
    public override string Platform => PlatformKeys.Generic;

    public override bool Handles(Uri url) => true;

    protected override ParseResult ParseCore(PageInput page)
    {
        if (PageSignals.Detect(page) is { } signal)
        {
            return Classified(signal.Outcome, signal.Reason);
        }

        return Classified(PageOutcome.Unrecognized, "generic parser not implemented yet");
    }
}
