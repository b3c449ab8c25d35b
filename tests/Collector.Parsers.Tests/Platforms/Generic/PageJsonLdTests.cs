using Collector.Parsers.Platforms.Generic;

namespace Collector.Parsers.Tests.Platforms.Generic;

public class PageJsonLdTests
{
    private static string Page(string headline) =>
        $$"""<html><head><script type="application/ld+json">{"@type":"DiscussionForumPosting","identifier":"p1","headline":"{{headline}}","author":{"name":"a"},"text":"body"}</script></head><body></body></html>""";

    [Fact]
    public void Of_SamePageTwice_ReadsItOnce()
    {
        var page = new PageInput { Url = new Uri("https://forum.example/p/1"), Body = Page("first") };

        Assert.Same(PageJsonLd.Of(page), PageJsonLd.Of(page));
    }

    [Fact]
    public void Of_ChangedCopyOfAPage_ReadsTheCopysOwnBody()
    {
        var page = new PageInput { Url = new Uri("https://forum.example/p/1"), Body = Page("first") };
        var first = PageJsonLd.Of(page);

        var copy = page with { Body = Page("second") };

        Assert.Equal("first", first.Posts[0].Title);
        Assert.Equal("second", PageJsonLd.Of(copy).Posts[0].Title);
    }
}
