using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Collector.Crawler.Tests.Support;

namespace Collector.Crawler.Tests.Fetching;

/// <summary>A server like python -m http.server: HTTP/1.0, one response per connection, then it closes.</summary>
public sealed class Http10ServerTests
{
    [Fact]
    public async Task RunAsync_Http10ServerClosingEachConnection_AsksForTheCloseAndGetsEveryPage()
    {
        await using var server = Http10Server.Start(path => path.StartsWith("/list/", StringComparison.Ordinal)
            ? ForumPages.Listing(0, 1, 12)
            : path.StartsWith("/post/", StringComparison.Ordinal) ? ForumPages.Post(int.Parse(path[6..], System.Globalization.CultureInfo.InvariantCulture)) : null);
        await using var harness = CrawlHarness.Create();

        var summary = await harness.CrawlAsync(CrawlHarness.Source(new Uri($"http://127.0.0.1:{server.Port}/list/0"), "a.post-link").With(s => s.Concurrency = 4));

        Assert.Equal("succeeded", summary.Outcome);
        Assert.Equal(13, summary.Pages);
        Assert.Equal(12, summary.Posts);
        var posts = server.Requests.Where(r => r.Path.StartsWith("/post/", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, posts.Count);
        Assert.All(posts, r => Assert.Contains("Connection: close", r.Head, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public async Task RunAsync_MorePagesInFlightThanConnectionsPerHost_NeverMoreConnectionsAtOnce(int connections)
    {
        // a slow answer, so that every page the crawl has in flight is waiting at the server at the same time
        await using var server = Http10Server.Start(
            path => path.StartsWith("/list/", StringComparison.Ordinal)
                ? ForumPages.Listing(0, 1, 30)
                : path.StartsWith("/post/", StringComparison.Ordinal) ? ForumPages.Post(int.Parse(path[6..], System.Globalization.CultureInfo.InvariantCulture)) : null,
            answerAfter: TimeSpan.FromMilliseconds(150));
        await using var harness = CrawlHarness.Create(o =>
        {
            o.MaxConcurrency = 16;
            o.PerHostConcurrency = 16;
            o.MaxConnectionsPerHost = connections;
        });

        var summary = await harness.CrawlAsync(CrawlHarness.Source(new Uri($"http://127.0.0.1:{server.Port}/list/0"), "a.post-link").With(s => s.Concurrency = 16));

        Assert.Equal("succeeded", summary.Outcome);
        Assert.Equal(30, summary.Posts);
        Assert.Equal(connections, server.MostAtOnce);
    }

    private sealed class Http10Server : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Func<string, string?> _page;
        private readonly TimeSpan _answerAfter;
        private Task _loop = Task.CompletedTask;
        private int _serving;
        private int _mostAtOnce;

        private Http10Server(Func<string, string?> page, TimeSpan answerAfter)
        {
            _page = page;
            _answerAfter = answerAfter;
        }

        /// <summary>The most requests read and not yet being answered at one moment: each holds a connection of its own.</summary>
        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public ConcurrentQueue<(string Path, string Head)> Requests { get; } = new();

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static Http10Server Start(Func<string, string?> page, TimeSpan answerAfter = default)
        {
            var server = new Http10Server(page, answerAfter);
            server._listener.Start();
            server._loop = server.AcceptAsync();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop;
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            var handlers = new List<Task>();
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    handlers.Add(ServeAsync(client));
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // stopped
            }

            await Task.WhenAll(handlers);
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var head = new StringBuilder();
                    var buffer = new byte[4096];
                    while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var n = await stream.ReadAsync(buffer, _stop.Token);
                        if (n == 0)
                        {
                            return;
                        }

                        head.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    }

                    var path = head.ToString().Split(' ')[1];
                    Requests.Enqueue((path, head.ToString()));
                    // counted from the request read to the answer's first byte: the client holds the connection all that
                    // time (once the answer is under way it may read it, let the connection go and open the next one
                    // before this thread comes back, so the answer itself is not counted)
                    var serving = Interlocked.Increment(ref _serving);
                    InterlockedMax(ref _mostAtOnce, serving);
                    try
                    {
                        await Task.Delay(_answerAfter, _stop.Token);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _serving);
                    }

                    await AnswerAsync(client, stream, path);
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
                {
                    // the client went away
                }
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            do
            {
                seen = Volatile.Read(ref target);
            }
            while (value > seen && Interlocked.CompareExchange(ref target, value, seen) != seen);
        }

        private async Task AnswerAsync(TcpClient client, NetworkStream stream, string path)
        {
            var body = _page(path);
            var bytes = Encoding.UTF8.GetBytes(body ?? "not found");
            var status = body is null ? "404 Not Found" : "200 OK";
            var response = Encoding.ASCII.GetBytes($"HTTP/1.0 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {bytes.Length}\r\n\r\n");
            await stream.WriteAsync(response, _stop.Token);
            await stream.WriteAsync(bytes, _stop.Token);
            client.Client.Shutdown(SocketShutdown.Send);
        }
    }
}
