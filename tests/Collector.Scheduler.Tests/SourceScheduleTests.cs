using Collector.Configuration;
using Collector.Scheduler;

namespace Collector.Scheduler.Tests;

public sealed class SourceScheduleTests
{
    [Fact]
    public void NextAfter_FiveFieldCronInShanghai_FiresAtLocalTime()
    {
        var schedule = SourceSchedule.For(new SourceOptions { Name = "a", Schedule = "30 9 * * *", TimeZone = "Asia/Shanghai", Targets = ["https://a.example/"] })!;

        var next = schedule.NextAfter(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))!.Value;

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 1, 30, 0, TimeSpan.Zero), next.ToUniversalTime()); // 09:30 in UTC+8
    }

    [Fact]
    public void PreviousBefore_HourlySchedule_IsTheLastFullHour()
    {
        var schedule = SourceSchedule.For(new SourceOptions { Name = "a", Schedule = "0 * * * *", Targets = ["https://a.example/"] })!;

        var previous = schedule.PreviousBefore(new DateTimeOffset(2026, 3, 1, 10, 17, 0, TimeSpan.Zero))!.Value;

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), previous.ToUniversalTime());
    }

    [Fact]
    public void Interval_EverySixHours_IsSixHours()
    {
        var schedule = SourceSchedule.For(new SourceOptions { Name = "a", Schedule = "0 */6 * * *", Targets = ["https://a.example/"] })!;

        Assert.Equal(TimeSpan.FromHours(6), schedule.Interval(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void For_DisabledOrUnscheduledSource_IsNull()
    {
        Assert.Null(SourceSchedule.For(new SourceOptions { Name = "a", Schedule = null }));
        Assert.Null(SourceSchedule.For(new SourceOptions { Name = "a", Schedule = "0 * * * *", Enabled = false }));
    }
}
