using Collector.Configuration;
using Quartz;

namespace Collector.Configuration.Tests;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 */6 * * *", "0 0 */6 * * ?")]
    [InlineData("*/5 * * * 1-5", "0 */5 * ? * 2-6")]
    [InlineData("30 9 * * 0", "0 30 9 ? * 1")]
    [InlineData("30 9 * * 7", "0 30 9 ? * 1")]
    [InlineData("0 12 1 * *", "0 0 12 1 * ?")]
    [InlineData("*/3 * * * * ?", "*/3 * * * * ?")]
    public void ToQuartz_StandardAndQuartzForms_Converted(string input, string expected)
    {
        Assert.Equal(expected, CronSchedule.ToQuartz(input, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("every tuesday")]
    [InlineData("")]
    [InlineData("61 * * * *")]
    [InlineData("0 12 1 * 1")]
    public void ToQuartz_Nonsense_ReturnsReason(string input)
    {
        Assert.Null(CronSchedule.ToQuartz(input, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void ToQuartz_WeekdaySchedule_FiresOnMondayNotSunday()
    {
        var quartz = CronSchedule.ToQuartz("0 9 * * 1", out _)!;
        var cron = new CronExpression(quartz);

        var next = cron.GetNextValidTimeAfter(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero))!.Value.ToUniversalTime(); // a Sunday (the expression defaults to UTC)

        Assert.Equal(DayOfWeek.Monday, next.DayOfWeek);
        Assert.Equal(9, next.Hour);
    }
}
