using Collector.Scheduler;
using Collector.Storage;

namespace Collector.Scheduler.Tests;

public sealed class RunOutcomeTests
{
    [Fact]
    public void OutcomeOf_AllContent_Succeeded() =>
        Assert.Equal(RunOutcomes.Succeeded, RecordedSourceRunner.OutcomeOf(Pages(("content", 5), ("empty", 1))));

    [Fact]
    public void OutcomeOf_SomeFailed_Partial() =>
        Assert.Equal(RunOutcomes.Partial, RecordedSourceRunner.OutcomeOf(Pages(("content", 5), ("failed", 1))));

    [Fact]
    public void OutcomeOf_OnlyLoginWalls_Failed() =>
        Assert.Equal(RunOutcomes.Failed, RecordedSourceRunner.OutcomeOf(Pages(("login-wall", 3))));

    [Fact]
    public void OutcomeOf_NoPagesAndAnError_Failed() =>
        Assert.Equal(RunOutcomes.Failed, RecordedSourceRunner.OutcomeOf(new CollectResult { Errors = ["dns"] }));

    [Fact]
    public void OutcomeOf_Cancelled_Cancelled() =>
        Assert.Equal(RunOutcomes.Cancelled, RecordedSourceRunner.OutcomeOf(new CollectResult { Cancelled = true }));

    private static CollectResult Pages(params (string Outcome, long Count)[] pages) =>
        new() { PagesByOutcome = pages.ToDictionary(p => p.Outcome, p => p.Count) };
}
