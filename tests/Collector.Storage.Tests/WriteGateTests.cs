using Collector.Storage.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>The SQLite writer's gate: one write at a time, urgent (queue) writes ahead of waiting ordinary ones.</summary>
public sealed class WriteGateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Release_UrgentWaiterBehindOrdinaryOnes_UrgentGoesFirstThenOrdinaryInArrivalOrder()
    {
        var gate = new WriteGate();
        await gate.WaitAsync(urgent: false, Ct);
        var order = new List<string>();
        var first = Take(gate, "ordinary 1", urgent: false, order);
        var second = Take(gate, "ordinary 2", urgent: false, order);
        var urgent = Take(gate, "urgent", urgent: true, order);

        gate.Release();
        await Task.WhenAll(first, second, urgent);

        Assert.Equal(["urgent", "ordinary 1", "ordinary 2"], order);
    }

    [Fact]
    public async Task Release_CancelledWaiter_SkippedAndNextWaiterGetsTheTurn()
    {
        var gate = new WriteGate();
        await gate.WaitAsync(urgent: false, Ct);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.WaitAsync(urgent: true, cancel.Token);
        var order = new List<string>();
        var next = Take(gate, "ordinary", urgent: false, order);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.Release();
        await next;

        Assert.Equal(["ordinary"], order);
    }

    private static async Task Take(WriteGate gate, string name, bool urgent, List<string> order)
    {
        await gate.WaitAsync(urgent, Ct);
        lock (order)
        {
            order.Add(name);
        }

        gate.Release();
    }
}
