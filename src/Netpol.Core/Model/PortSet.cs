using System.Text;

namespace Netpol.Core.Model;

/// <summary>
/// An immutable set of (protocol, port) pairs, kept as sorted disjoint ranges.
/// It is what a rule's <c>ports</c> allow once named ports are resolved, and what a connection allows overall.
/// </summary>
public sealed class PortSet : IEquatable<PortSet>
{
    private static readonly Protocol[] AllProtocols = [Protocol.TCP, Protocol.UDP, Protocol.SCTP];
    private readonly PortRange[] _ranges;

    private PortSet(PortRange[] ranges) => _ranges = ranges;

    /// <summary>No port at all.</summary>
    public static PortSet Empty { get; } = new([]);

    /// <summary>Every port of every protocol.</summary>
    public static PortSet All { get; } = new(AllProtocols.Select(p => new PortRange(p, PortRange.MinPort, PortRange.MaxPort)).ToArray());

    /// <summary>The sorted, disjoint ranges.</summary>
    public IReadOnlyList<PortRange> Ranges => _ranges;

    /// <summary>True when no port is in the set.</summary>
    public bool IsEmpty => _ranges.Length == 0;

    /// <summary>True when every port of every protocol is in the set.</summary>
    public bool IsAll => Equals(All);

    /// <summary>A set of one range.</summary>
    public static PortSet Of(Protocol protocol, int start, int end) => new([new PortRange(protocol, start, end)]);

    /// <summary>Every port of one protocol.</summary>
    public static PortSet OfProtocol(Protocol protocol) => Of(protocol, PortRange.MinPort, PortRange.MaxPort);

    /// <summary>Builds a set from any ranges (overlaps and order do not matter).</summary>
    public static PortSet FromRanges(IEnumerable<PortRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var sorted = ranges.Where(r => r.Start <= r.End)
            .OrderBy(r => r.Protocol).ThenBy(r => r.Start).ToList();
        var merged = new List<PortRange>(sorted.Count);
        foreach (var r in sorted)
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                if (last.Protocol == r.Protocol && r.Start <= last.End + 1)
                {
                    merged[^1] = last with { End = Math.Max(last.End, r.End) };
                    continue;
                }
            }

            merged.Add(r);
        }

        return merged.Count == 0 ? Empty : new PortSet([.. merged]);
    }

    /// <summary>True when the port of the protocol is in the set.</summary>
    public bool Contains(int port, Protocol protocol)
    {
        foreach (var r in _ranges)
        {
            if (r.Protocol == protocol && r.Start <= port && port <= r.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ports in either set.</summary>
    public PortSet Union(PortSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsEmpty || ReferenceEquals(this, other))
        {
            return this;
        }

        return IsEmpty ? other : FromRanges(_ranges.Concat(other._ranges));
    }

    /// <summary>The ports in both sets.</summary>
    public PortSet Intersect(PortSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (IsEmpty || other.IsEmpty)
        {
            return Empty;
        }

        if (ReferenceEquals(this, other))
        {
            return this;
        }

        var result = new List<PortRange>();
        int i = 0, j = 0;
        var a = _ranges;
        var b = other._ranges;
        while (i < a.Length && j < b.Length)
        {
            var x = a[i];
            var y = b[j];
            if (x.Protocol != y.Protocol)
            {
                if (x.Protocol < y.Protocol)
                {
                    i++;
                }
                else
                {
                    j++;
                }

                continue;
            }

            var start = Math.Max(x.Start, y.Start);
            var end = Math.Min(x.End, y.End);
            if (start <= end)
            {
                result.Add(new PortRange(x.Protocol, start, end));
            }

            if (x.End < y.End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return result.Count == 0 ? Empty : new PortSet([.. result]);
    }

    /// <summary>The ports in this set and not in <paramref name="other"/>.</summary>
    public PortSet Except(PortSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (IsEmpty || other.IsEmpty)
        {
            return this;
        }

        if (ReferenceEquals(this, other))
        {
            return Empty;
        }

        var result = new List<PortRange>();
        var j = 0;
        var b = other._ranges;
        foreach (var r in _ranges)
        {
            // Both lists are sorted by (protocol, start): skip what lies wholly before r, then cut r by what overlaps it.
            while (j < b.Length && (b[j].Protocol < r.Protocol || (b[j].Protocol == r.Protocol && b[j].End < r.Start)))
            {
                j++;
            }

            var start = r.Start;
            for (var k = j; k < b.Length && b[k].Protocol == r.Protocol && b[k].Start <= r.End; k++)
            {
                if (b[k].Start > start)
                {
                    result.Add(new PortRange(r.Protocol, start, b[k].Start - 1));
                }

                start = Math.Max(start, b[k].End + 1);
            }

            if (start <= r.End)
            {
                result.Add(new PortRange(r.Protocol, start, r.End));
            }
        }

        return result.Count == 0 ? Empty : new PortSet([.. result]);
    }

    /// <summary>Compact text: <c>all</c>, <c>none</c>, or ranges such as <c>80/TCP, 8080-8090/TCP, */UDP</c>.</summary>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return "none";
        }

        if (IsAll)
        {
            return "all";
        }

        var sb = new StringBuilder();
        foreach (var r in _ranges)
        {
            if (sb.Length > 0)
            {
                sb.Append(", ");
            }

            sb.Append(r.ToString());
        }

        return sb.ToString();
    }

    /// <inheritdoc />
    public bool Equals(PortSet? other) => other is not null && _ranges.AsSpan().SequenceEqual(other._ranges);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PortSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var r in _ranges)
        {
            h.Add(r);
        }

        return h.ToHashCode();
    }
}
