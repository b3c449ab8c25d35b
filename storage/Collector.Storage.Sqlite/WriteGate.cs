namespace Collector.Storage.Sqlite;

/// <summary>
/// One write at a time, with two lines of waiters: urgent writes (the crawl queue's: leasing the next request, queueing
/// a page's links) go ahead of ordinary ones (recording a capture with its posts), then each line in order of arrival.
/// A crawl's listing chain (page 2 is found on page 1, page 3 on page 2…) waits on a queue write twice per step; behind a
/// line of captures that was most of a step's time. Captures still all get their turn: urgent writes are short and few.
/// </summary>
internal sealed class WriteGate
{
    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource> _urgent = new();
    private readonly Queue<TaskCompletionSource> _ordinary = new();
    private bool _held;

    /// <summary>Waits for the writer; call <see cref="Release"/> when done.</summary>
    public async Task WaitAsync(bool urgent, CancellationToken cancellationToken)
    {
        TaskCompletionSource turn;
        lock (_gate)
        {
            if (!_held)
            {
                _held = true;
                return;
            }

            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (urgent ? _urgent : _ordinary).Enqueue(turn);
        }

        // a cancelled waiter stays queued and is skipped when its turn comes (Release moves on to the next one)
        await using (cancellationToken.Register(static t => ((TaskCompletionSource)t!).TrySetCanceled(), turn))
        {
            await turn.Task;
        }
    }

    /// <summary>Hands the writer to the next waiter (urgent first), or frees it.</summary>
    public void Release()
    {
        lock (_gate)
        {
            while (_urgent.TryDequeue(out var next) || _ordinary.TryDequeue(out next))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }

            _held = false;
        }
    }
}
