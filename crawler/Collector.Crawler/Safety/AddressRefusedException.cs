namespace Collector.Crawler.Safety;

/// <summary>The address guard refused a connection: the host is internal (or does not resolve) and not exempt.</summary>
public sealed class AddressRefusedException : IOException
{
    public AddressRefusedException()
    {
    }

    public AddressRefusedException(string message)
        : base(message)
    {
    }

    public AddressRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The refusal in an exception chain (HttpClient wraps what its connect callback throws), or null.</summary>
    public static AddressRefusedException? In(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is AddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
