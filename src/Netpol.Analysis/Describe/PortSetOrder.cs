using Netpol.Core.Model;

namespace Netpol.Analysis.Describe;

/// <summary>Orders port sets by their ranges (protocol, start, end), so that every port comes before a single one.</summary>
internal sealed class PortSetOrder : IComparer<PortSet>
{
    public static PortSetOrder Instance { get; } = new();

    public int Compare(PortSet? x, PortSet? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        for (var i = 0; i < Math.Min(x.Ranges.Count, y.Ranges.Count); i++)
        {
            var (a, b) = (x.Ranges[i], y.Ranges[i]);
            var c = a.Protocol.CompareTo(b.Protocol);
            c = c != 0 ? c : a.Start.CompareTo(b.Start);
            c = c != 0 ? c : b.End.CompareTo(a.End);
            if (c != 0)
            {
                return c;
            }
        }

        return y.Ranges.Count.CompareTo(x.Ranges.Count);
    }
}
