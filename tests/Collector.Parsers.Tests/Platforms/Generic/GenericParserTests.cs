using System.Diagnostics;
using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Platforms.Generic;

namespace Collector.Parsers.Tests.Platforms.Generic;

public class GenericParserTests
{
    private static ParseResult Parse(string url, string html, bool rendered = false) =>
        new GenericParser().Parse(new PageInput { Url = new Uri(url), Body = html, Rendered = rendered });

    /// <summary>The shared bench forum (../shared/bench/gen_site.py): every post's id, author, time, headline and comments.</summary>
    [Fact]
    public void Parse_BenchSite_EveryPostMatchesExpectedJsonl()
    {
        var generator = Path.GetFullPath(Path.Combine(ExpectedPageCheck.RepoRoot(), "..", "shared", "bench", "gen_site.py"));
        Assert.SkipWhen(!File.Exists(generator), $"bench site generator absent: {generator}");
        var site = Path.Combine(Path.GetTempPath(), "collector-parsers-bench-site-" + Environment.ProcessId);
        try
        {
            using (var python = Process.Start(new ProcessStartInfo("python3", [generator, site, "--lists", "2"]) { RedirectStandardOutput = true })!)
            {
                python.WaitForExit(60_000);
                Assert.SkipWhen(python.ExitCode != 0, "python3 could not generate the bench site");
            }

            var expected = File.ReadAllLines(Path.Combine(site, "expected.jsonl")).Where(l => l.Length > 0).ToList();
            Assert.Equal(40, expected.Count);
            foreach (var line in expected)
            {
                using var want = JsonDocument.Parse(line);
                var id = want.RootElement.GetProperty("id").GetString()!;
                var url = $"http://127.0.0.1:8000/post/{id}.html";
                var result = Parse(url, File.ReadAllText(Path.Combine(site, "post", id + ".html")));

                Assert.Equal(PageOutcome.Content, result.Classification);
                var post = result.Posts[0];
                Assert.Equal(new PostKey("generic", id), result.Subject);
                Assert.Equal(id, post.Id);
                Assert.Equal(want.RootElement.GetProperty("author").GetString(), post.Author?.Name);
                Assert.Equal(want.RootElement.GetProperty("author").GetString(), post.Author?.Handle);
                Assert.Equal(DateTimeOffset.Parse(want.RootElement.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture), post.PublishedAt);
                Assert.Equal(want.RootElement.GetProperty("title").GetString(), post.Title);
                var comments = want.RootElement.GetProperty("comments").GetInt32();
                Assert.Equal(comments, post.Metrics.Comments);
                Assert.Equal(comments, result.Posts.Count(p => p.Kind == PostKinds.Comment && p.ParentId == id && p.RootId == id));
            }

            var listing = Parse("http://127.0.0.1:8000/list/1.html", File.ReadAllText(Path.Combine(site, "list", "1.html")));
            Assert.Equal(PageOutcome.Empty, listing.Classification);
            Assert.Contains(listing.Next, n => n.Kind == FollowKind.NextPage && n.Url.AbsoluteUri == "http://127.0.0.1:8000/list/2.html");
        }
        finally
        {
            if (Directory.Exists(site))
            {
                Directory.Delete(site, recursive: true);
            }
        }
    }

    [Fact]
    public void Parse_JsonLdGraphWithNestedComments_BuildsTheTree()
    {
        const string html = """
            <html lang="fr"><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Forum"},
              {"@type":["DiscussionForumPosting"],"identifier":{"@type":"PropertyValue","value":"t-9"},"headline":"Sujet","articleBody":"<p>Bonjour à tous, voici un long message de discussion.</p>",
               "datePublished":"2024-02-03T04:05:06+01:00","author":[{"@type":"Person","name":"Marie Curie","url":"/members/mcurie"}],
               "interactionStatistic":[{"@type":"InteractionCounter","interactionType":"https://schema.org/LikeAction","userInteractionCount":"17"}],
               "comment":[{"@type":"Comment","identifier":"c-1","text":"Réponse","author":"Paul","comment":{"@type":"Comment","text":"Réponse à la réponse"}}]}]}
            </script></head><body></body></html>
            """;
        var result = Parse("https://forum.example/t/9", html);

        Assert.Equal(3, result.Posts.Count);
        var post = result.Posts[0];
        Assert.Equal(("t-9", "Sujet", "Bonjour à tous, voici un long message de discussion."), (post.Id, post.Title, post.Text));
        Assert.Equal(("mcurie", "Marie Curie", "https://forum.example/members/mcurie"), (post.Author!.Handle, post.Author.Name, post.Author.Url));
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 3, 5, 6, TimeSpan.Zero), post.PublishedAt);
        Assert.Equal((17L, "fr"), (post.Metrics.Likes!.Value, post.Language));
        Assert.Equal(("c-1", "t-9", "t-9"), (result.Posts[1].Id, result.Posts[1].ParentId, result.Posts[1].RootId));
        Assert.Equal(("c-1/0", "c-1", "t-9"), (result.Posts[2].Id, result.Posts[2].ParentId, result.Posts[2].RootId));
    }

    [Fact]
    public void Parse_Microdata_PostingWithCommentItems()
    {
        const string html = """
            <html><body><article itemscope itemtype="https://schema.org/SocialMediaPosting" id="m1">
              <h1 itemprop="headline">Microdata post</h1><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Zed</span></span>
              <time itemprop="datePublished" datetime="2023-05-06T07:08:09Z">May 6</time><div itemprop="articleBody">Text of the post</div>
              <div itemprop="comment" itemscope itemtype="https://schema.org/Comment" id="m2"><span itemprop="text">A comment</span></div>
            </article></body></html>
            """;
        var result = Parse("https://site.example/p/m1", html);

        Assert.Equal(2, result.Posts.Count);
        Assert.Equal(("m1", "Microdata post", "Zed", "Text of the post"), (result.Posts[0].Id, result.Posts[0].Title, result.Posts[0].Author!.Name, result.Posts[0].Text));
        Assert.Equal(new DateTimeOffset(2023, 5, 6, 7, 8, 9, TimeSpan.Zero), result.Posts[0].PublishedAt);
        Assert.Equal(("m2", PostKinds.Comment, "m1", "A comment"), (result.Posts[1].Id, result.Posts[1].Kind, result.Posts[1].ParentId, result.Posts[1].Text));
    }

    [Fact]
    public void Parse_OpenGraphArticleWithoutStructuredData_ReadabilityFallback()
    {
        var paragraphs = string.Concat(Enumerable.Range(0, 6).Select(i => $"<p>Paragraph {i} of the article body, long enough to count as the main text of this page.</p>"));
        var html = $"""
            <html><head><meta property="og:type" content="article"><meta property="og:title" content="OG headline">
            <meta property="article:published_time" content="2022-01-02T03:04:05Z"><meta name="author" content="Reporter Name">
            <link rel="canonical" href="https://news.example/a/1"></head>
            <body><nav><p>menu</p></nav><div class="content">{paragraphs}<a href="https://source.example/doc">source</a></div></body></html>
            """;
        var post = Assert.Single(Parse("https://news.example/a/1?utm=x", html).Posts);

        Assert.Equal(("https://news.example/a/1", "OG headline", "Reporter Name"), (post.Id, post.Title, post.Author!.Name));
        Assert.Equal(new DateTimeOffset(2022, 1, 2, 3, 4, 5, TimeSpan.Zero), post.PublishedAt);
        Assert.StartsWith("Paragraph 0 of the article body", post.Text, StringComparison.Ordinal);
        Assert.Contains("https://source.example/doc", post.Links);
    }

    [Fact]
    public void Parse_ScriptShell_EmptyAndNeedsBrowser_UnlessRendered()
    {
        var html = "<html><head><script src='/app.js'></script></head><body><div id='app'></div><noscript>Please enable JavaScript</noscript>"
            + new string(' ', 400) + "<script>boot()</script></body></html>";
        var http = Parse("https://spa.example/", html);
        Assert.Equal(PageOutcome.Empty, http.Classification);
        Assert.True(http.NeedsBrowser);
        Assert.False(Parse("https://spa.example/", html, rendered: true).NeedsBrowser);
    }

    [Theory]
    [InlineData("<html><body><div class='g-recaptcha' data-sitekey='x'></div></body></html>", PageOutcome.Captcha)]
    [InlineData("<html><body><h1>Too Many Requests</h1></body></html>", PageOutcome.RateLimited)]
    [InlineData("<html><body><h1>This account has been suspended</h1></body></html>", PageOutcome.Removed)]
    [InlineData("<html><body><h1>Page not found</h1></body></html>", PageOutcome.NotFound)]
    [InlineData("<html><body><form id='login_form'>You must log in to continue</form></body></html>", PageOutcome.LoginWall)]
    public void Parse_BlockingPages_Classified(string html, PageOutcome expected) =>
        Assert.Equal(expected, Parse("https://site.example/x", html).Classification);
}
