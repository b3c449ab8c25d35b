namespace Collector.Detection.Worlds.Independent;

/// <summary>
/// A second synthetic world, written from the ranges without reading the detector's parameters: ordinary people
/// in many zones and languages, decoys that look suspicious to a naive rule (news junkies, night owls, desk-bound
/// posters, bilinguals, viral images, big-news links) and campaigns whose operators work shifts in their own zone,
/// re-circulate stories as copies, typos, truncations, decorations, translations, link shares and image reposts, reply
/// off-topic, and sometimes run bought accounts that switch language.
/// </summary>
public static class IndependentWorldGenerator
{
    public static IndependentWorld Generate(IndependentWorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new WorldBuilder(options).Build();
    }
}
