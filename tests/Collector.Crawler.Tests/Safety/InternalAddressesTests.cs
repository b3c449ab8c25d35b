using System.Net;
using Collector.Crawler.Safety;

namespace Collector.Crawler.Tests.Safety;

public sealed class InternalAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("198.18.0.1", true)]
    [InlineData("198.19.255.254", true)]
    [InlineData("192.0.0.170", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("64:ff9b::a00:1", true)] // NAT64 of 10.0.0.1
    [InlineData("64:ff9b::7f00:1", true)] // NAT64 of 127.0.0.1
    [InlineData("64:ff9b:1::a00:1", true)] // local-use NAT64
    [InlineData("2002:a00:1::1", true)] // 6to4 of 10.0.0.1
    [InlineData("::a00:1", true)] // IPv4-compatible 10.0.0.1
    [InlineData("::7f00:1", true)] // IPv4-compatible 127.0.0.1
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", true)] // Teredo
    [InlineData("93.184.216.34", false)]
    [InlineData("198.20.0.1", false)]
    [InlineData("192.0.1.1", false)]
    [InlineData("2606:2800:220:1::1", false)]
    [InlineData("2001:db9::1", false)]
    public void IsInternal_Address_AsExpected(string address, bool isInternal) =>
        Assert.Equal(isInternal, InternalAddresses.IsInternal(IPAddress.Parse(address)));
}
